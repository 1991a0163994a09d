using ActorTcp.Actors.Supervision;

namespace ActorTcp.Actors.Cells;

/// <summary>
/// Compares a parent's child records by the name in the child's path, and lets a name alone look a
/// record up, so <see cref="ChildrenContainer"/> needs no separate key per child.
/// </summary>
internal sealed class ChildNameComparer : IEqualityComparer<ChildRestartStats>, IAlternateEqualityComparer<string, ChildRestartStats>
{
    public static readonly ChildNameComparer Instance = new();

    private ChildNameComparer()
    {
    }

    public bool Equals(ChildRestartStats? x, ChildRestartStats? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && Equals(x.Child.Path.Name, y));

    public int GetHashCode(ChildRestartStats obj) => GetHashCode(obj.Child.Path.Name);

    public bool Equals(string alternate, ChildRestartStats other) =>
        string.Equals(alternate, other.Child.Path.Name, StringComparison.Ordinal);

    public int GetHashCode(string alternate) => StringComparer.Ordinal.GetHashCode(alternate);

    // Records are only ever added whole; a name alone cannot make one.
    public ChildRestartStats Create(string alternate) =>
        throw new NotSupportedException("A child record cannot be created from its name");
}
