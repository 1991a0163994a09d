namespace ActorTcp.Benchmarks.Actors;

/// <summary>Tells a <see cref="Pinger"/> to start a rally of <paramref name="RoundTrips"/> round trips.</summary>
/// <param name="RoundTrips">How many times the ball goes to the partner and back.</param>
internal sealed record Serve(int RoundTrips);
