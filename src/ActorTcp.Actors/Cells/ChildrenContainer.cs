using System.Diagnostics;
using ActorTcp.Actors.Supervision;

namespace ActorTcp.Actors.Cells;

/// <summary>
/// A parent's children by name. A name stays taken until its child has terminated. Accessed under
/// the owning cell's lock because top-level actors are created from any thread.
/// </summary>
/// <remarks>
/// The children are a set keyed by their path's name rather than a name-to-child dictionary: the
/// name is already in the path, and a set entry is a third smaller, which counts for a parent of
/// many thousands of connections.
/// </remarks>
internal sealed class ChildrenContainer
{
    /// <summary>The state of a childless actor that is stopping: accepts no new child.</summary>
    public static readonly ChildrenContainer TerminatingEmpty = new() { IsTerminating = true };

    private const string NameAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    private readonly HashSet<ChildRestartStats> _children;
    private readonly HashSet<ChildRestartStats>.AlternateLookup<string> _byName;
    private long _nameCounter;

    public ChildrenContainer()
    {
        _children = new HashSet<ChildRestartStats>(ChildNameComparer.Instance);
        _byName = _children.GetAlternateLookup<string>();
    }

    public bool IsTerminating { get; set; }

    public int Count => _children.Count;

    public bool IsEmpty => _children.Count == 0;

    public IEnumerable<ChildRestartStats> Stats => _children;

    public bool Contains(string name) => _byName.Contains(name);

    /// <summary>Adds a child whose path's name is <paramref name="name"/>; the caller has checked that it is free.</summary>
    public void Add(string name, ChildRestartStats stats)
    {
        Debug.Assert(string.Equals(name, stats.Child.Path.Name, StringComparison.Ordinal), "a child is registered under its path's name");
        _children.Add(stats);
    }

    public ChildRestartStats? Find(IActorRef child) =>
        _byName.TryGetValue(child.Path.Name, out var stats) && ReferenceEquals(stats.Child, child) ? stats : null;

    public ChildRestartStats? Find(string name) => _byName.TryGetValue(name, out var stats) ? stats : null;

    public bool Remove(IActorRef child) =>
        Find(child) is { } stats && _children.Remove(stats);

    public bool AnyStopping()
    {
        foreach (var stats in _children)
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
