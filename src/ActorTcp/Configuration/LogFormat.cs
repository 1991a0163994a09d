namespace ActorTcp.Configuration;

/// <summary>How the console host writes log events to standard output.</summary>
public enum LogFormat
{
    /// <summary>One readable line per event.</summary>
    Text,

    /// <summary>One compact JSON object per line, for log shippers.</summary>
    Json,
}
