namespace ActorTcp.Host.Configuration;

/// <summary>What the command line adds to the built-in defaults.</summary>
/// <param name="ConfigFile">A HOCON file merged over the defaults, or null.</param>
/// <param name="Port">Overrides <c>actortcp.listen.port</c>, or null.</param>
/// <param name="AdminPort">Overrides <c>actortcp.admin.port</c>, or null.</param>
internal sealed record HostConfigurationSources(string? ConfigFile, int? Port = null, int? AdminPort = null);
