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
}
