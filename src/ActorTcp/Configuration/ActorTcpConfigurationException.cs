namespace ActorTcp.Configuration;

/// <summary>
/// Thrown at start when a configuration value is out of range or contradicts another one. The
/// message names the full HOCON key (e.g. <c>actortcp.write.low-watermark</c>) and what is allowed.
/// </summary>
public sealed class ActorTcpConfigurationException : Exception
{
    /// <summary>Creates the exception for <paramref name="key"/>.</summary>
    /// <param name="key">The full HOCON key of the offending value.</param>
    /// <param name="message">What is wrong and what would be allowed.</param>
    public ActorTcpConfigurationException(string key, string message)
        : base($"{key}: {message}")
    {
        Key = key;
        Problem = message;
    }

    /// <summary>
    /// Creates the exception for <paramref name="key"/>, saying where the value was written; the message
    /// reads <c>actortcp.conf:12:3: actortcp.heartbeat.interval: ...</c>, the form editors jump to.
    /// </summary>
    /// <param name="key">The full HOCON key of the offending value.</param>
    /// <param name="message">What is wrong and what would be allowed.</param>
    /// <param name="location">Where the value was written (<c>file:line:column</c>, an environment variable), or null when unknown.</param>
    public ActorTcpConfigurationException(string key, string message, string? location)
        : base(location is null ? $"{key}: {message}" : $"{location}: {key}: {message}")
    {
        Key = key;
        Location = location;
        Problem = message;
    }

    /// <summary>Creates the exception without a key; prefer the constructor that names the key.</summary>
    public ActorTcpConfigurationException()
    {
        Key = string.Empty;
    }

    /// <summary>Creates the exception without a key; prefer the constructor that names the key.</summary>
    /// <param name="message">What is wrong.</param>
    public ActorTcpConfigurationException(string message)
        : base(message)
    {
        Key = string.Empty;
    }

    /// <summary>Creates the exception without a key; prefer the constructor that names the key.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public ActorTcpConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Key = string.Empty;
    }

    /// <summary>The full HOCON key of the rejected value, e.g. <c>actortcp.write.low-watermark</c>.</summary>
    public string Key { get; }

    /// <summary>Where the rejected value was written (<c>file:line:column</c>, an environment variable), when known.</summary>
    public string? Location { get; }

    /// <summary>What is wrong, without the key and the location.</summary>
    public string Problem { get; } = string.Empty;
}
