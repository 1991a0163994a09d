namespace ActorTcp.Host.Cli;

/// <summary>The host's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Done: served and drained, configuration valid, instance healthy.</summary>
    public const int Success = 0;

    /// <summary>Failed at run time: a port could not be bound, the admin API did not answer or refused.</summary>
    public const int Failure = 1;

    /// <summary>The configuration is invalid or unsafe; nothing was started.</summary>
    public const int ConfigurationError = 2;

    /// <summary>A second signal aborted the drain: 128 + the signal's number, as shells report a killed process.</summary>
    public static int AbortedBy(int signalNumber) => 128 + signalNumber;
}
