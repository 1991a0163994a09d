using Microsoft.Extensions.Configuration;

namespace ActorTcp.Configuration;

/// <summary>
/// Which connection handler the console host serves (HOCON section <c>actortcp.handler</c>). An
/// embedding service chooses its handler in code and ignores it.
/// </summary>
public sealed class HandlerOptions
{
    /// <summary>The handler's name; the host knows <c>echo</c> (every frame sent back as it came).</summary>
    [ConfigurationKeyName("name")]
    public string Name { get; set; } = "echo";

    /// <summary>Rejects an empty name, naming the key under <paramref name="section"/>.</summary>
    /// <param name="section">The section path, e.g. <c>actortcp.handler</c>.</param>
    public void Validate(string section) =>
        new OptionCheck<HandlerOptions>(section).NotEmpty(nameof(Name), Name, "(a handler name such as echo)");
}
