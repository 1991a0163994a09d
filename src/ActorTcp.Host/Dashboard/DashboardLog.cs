using Microsoft.Extensions.Logging;

namespace ActorTcp.Host.Dashboard;

/// <summary>The dashboard's log events, one event id per kind.</summary>
internal static partial class DashboardLog
{
    [LoggerMessage(EventId = 901, EventName = "DashboardSampleFailed", Level = LogLevel.Warning,
        Message = "Dashboard could not sample the server; the page shows the last sample until it can")]
    public static partial void SampleFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 902, EventName = "DashboardSampleRecovered", Level = LogLevel.Information,
        Message = "Dashboard samples the server again")]
    public static partial void SampleRecovered(ILogger logger);
}
