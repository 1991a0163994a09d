namespace ActorTcp.Host.Dashboard;

/// <summary>The first event of every stream: what the page needs to draw itself from nothing.</summary>
/// <param name="States">The open states, in lifecycle order.</param>
/// <param name="Reasons">Every close reason.</param>
/// <param name="SampleIntervalSeconds">Seconds between samples.</param>
/// <param name="HistorySeconds">How far back the charts reach, in seconds.</param>
/// <param name="MaxConnectionRows">How many connections the table lists at most.</param>
/// <param name="History">The recent samples, oldest first; the last one is the table's moment.</param>
/// <param name="Connections">The table's rows at the last sample.</param>
internal sealed record DashboardHello(
    IReadOnlyList<string> States,
    IReadOnlyList<string> Reasons,
    double SampleIntervalSeconds,
    double HistorySeconds,
    int MaxConnectionRows,
    IReadOnlyList<DashboardSample> History,
    IReadOnlyList<ConnectionRow> Connections);
