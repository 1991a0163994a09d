using System.Net;

namespace ActorTcp.Load.Scenarios;

/// <summary>What <c>idle</c> does.</summary>
/// <param name="Target">The server.</param>
/// <param name="Connections">How many connections to open and hold.</param>
/// <param name="Hold">How long to hold them all before the final reading.</param>
/// <param name="AnswerPings">Answer the server's <c>PING</c> with <c>PONG</c>, as a live device would.</param>
/// <param name="ServerPid">The server's process, for RSS and CPU time; null to skip them.</param>
/// <param name="Stats">The ActorTcp bench server's stats port, for the managed heap; null to skip it.</param>
/// <param name="Steps">Readings taken on the way up (at N/steps, 2N/steps, ... connections).</param>
/// <param name="Settle">Pause before each reading.</param>
internal sealed record IdleSettings(
    IPEndPoint Target,
    int Connections,
    TimeSpan Hold,
    bool AnswerPings,
    int? ServerPid,
    IPEndPoint? Stats,
    int Steps,
    TimeSpan Settle);
