using System.Text;

namespace ActorTcp.Actors;

/// <summary>
/// The address of an actor inside its system: the system name plus the names from the root down,
/// written like <c>actortcp://my-system/user/parent/child</c>.
/// </summary>
/// <remarks>
/// A path only names a place; a new actor created under the same name later has the same path but a
/// different <see cref="IActorRef"/>. Each path links to its parent, so a child's path costs one
/// small object.
/// </remarks>
public sealed class ActorPath : IEquatable<ActorPath>
{
    /// <summary>The scheme every path starts with.</summary>
    public const string Scheme = "actortcp";

    // The element name, or for the root the system's name: one field serves both so that each of
    // the many child paths costs two references.
    private readonly string _name;

    private ActorPath(string systemName)
    {
        _name = systemName;
    }

    private ActorPath(ActorPath parent, string name)
    {
        Parent = parent;
        _name = name;
    }

    /// <summary>The parent path, or <see langword="null"/> for the root path of a system.</summary>
    public ActorPath? Parent { get; }

    /// <summary>The last element of the path (empty for the root).</summary>
    public string Name => Parent is null ? "" : _name;

    /// <summary>The name of the actor system the path belongs to.</summary>
    public string SystemName => Root._name;

    /// <summary>The root path of the system, <c>actortcp://system/</c>.</summary>
    public ActorPath Root
    {
        get
        {
            var path = this;
            while (path.Parent is not null)
            {
                path = path.Parent;
            }

            return path;
        }
    }

    /// <summary>The element names below the root, top-down (empty for the root itself).</summary>
    public IReadOnlyList<string> Elements
    {
        get
        {
            var names = new List<string>();
            for (var path = this; path.Parent is not null; path = path.Parent)
            {
                names.Add(path.Name);
            }

            names.Reverse();
            return names;
        }
    }

    /// <summary>Creates the root path of the system called <paramref name="systemName"/>.</summary>
    /// <param name="systemName">The actor system's name.</param>
    public static ActorPath CreateRoot(string systemName)
    {
        ArgumentException.ThrowIfNullOrEmpty(systemName);
        return new ActorPath(systemName);
    }

    /// <summary>Returns the path of a child called <paramref name="name"/> below this one.</summary>
    /// <param name="name">The child's name; not validated here.</param>
    public ActorPath Child(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ActorPath(this, name);
    }

    /// <inheritdoc/>
    public bool Equals(ActorPath? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        var left = this;
        var right = other;
        while (left is not null && right is not null)
        {
            if (!string.Equals(left.Name, right.Name, StringComparison.Ordinal))
            {
                return false;
            }

            if (left.Parent is null || right.Parent is null)
            {
                return left.Parent is null && right.Parent is null
                    && string.Equals(left._name, right._name, StringComparison.Ordinal);
            }

            left = left.Parent;
            right = right.Parent;
        }

        return false;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ActorPath other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        for (var path = this; path is not null; path = path.Parent)
        {
            hash.Add(path.Name, StringComparer.Ordinal);
        }

        return hash.ToHashCode();
    }

    /// <summary>The full path, e.g. <c>actortcp://my-system/user/parent/child</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder(Scheme).Append("://").Append(SystemName).Append('/');
        var elements = Elements;
        for (var i = 0; i < elements.Count; i++)
        {
            if (i > 0)
            {
                builder.Append('/');
            }

            builder.Append(elements[i]);
        }

        return builder.ToString();
    }
}
