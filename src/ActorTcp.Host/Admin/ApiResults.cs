namespace ActorTcp.Host.Admin;

/// <summary>A page of <c>GET /api/connections</c>: <paramref name="Total"/> matched, <paramref name="Connections"/> from <paramref name="Offset"/> on.</summary>
internal sealed record ConnectionPage(int Total, int Offset, int Limit, IReadOnlyList<ConnectionView> Connections);

/// <summary>The answer to <c>send</c>: accepted, suspended (queued past the high watermark) or refused.</summary>
internal sealed record SendResult(string Result);

/// <summary>The answer to <c>close</c>: the connection was told to close in <paramref name="Mode"/>.</summary>
internal sealed record CloseResult(long Id, string Mode);

/// <summary>The answer to <c>broadcast</c>: how many connections were told.</summary>
internal sealed record BroadcastResult(int Connections);

/// <summary>Any refusal: <c>{"error":"..."}</c>.</summary>
internal sealed record ApiError(string Error);
