using ActorTcp.Actors.Supervision;

namespace ActorTcp.Actors.Cells;

/// <summary>
/// A parent's children by name. A name stays taken until its child has terminated. Accessed under
/// the owning cell's lock because top-level actors are created from any thread.
/// </summary>
internal sealed class ChildrenContainer
{
    /// <summary>The state of a childless actor that is stopping: accepts no new child.</summary>
    public static readonly ChildrenContainer TerminatingEmpty = new() { IsTerminating = true };

    private const string NameAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    private readonly Dictionary<string, ChildRestartStats> _byName = new(StringComparer.Ordinal);
    private long _nameCounter;

    public bool IsTerminating { get; set; }

    public int Count => _byName.Count;

    public bool IsEmpty => _byName.Count == 0;

    public IEnumerable<ChildRestartStats> Stats => _byName.Values;

    public bool Contains(string name) => _byName.ContainsKey(name);

    public void Add(string name, ChildRestartStats stats) => _byName.Add(name, stats);

    public ChildRestartStats? Find(IActorRef child) =>
        _byName.TryGetValue(child.Path.Name, out var stats) && ReferenceEquals(stats.Child, child) ? stats : null;

    public ChildRestartStats? Find(string name) => _byName.GetValueOrDefault(name);

    public bool Remove(IActorRef child) =>
        Find(child) is not null && _byName.Remove(child.Path.Name);

    public bool AnyStopping()
    {
        foreach (var stats in _byName.Values)
        {
            if (stats.IsStopping)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Generates <c>$a</c>, <c>$b</c>, ... <c>$ba</c>, ... as Akka does; user names cannot start with <c>$</c>.</summary>
    public string NextGeneratedName()
    {
        var number = _nameCounter++;
        Span<char> buffer = stackalloc char[16];
        var position = buffer.Length;
        do
        {
            buffer[--position] = NameAlphabet[(int)(number % NameAlphabet.Length)];
            number /= NameAlphabet.Length;
        }
        while (number > 0);

        buffer[--position] = '$';
        return new string(buffer[position..]);
    }
}
