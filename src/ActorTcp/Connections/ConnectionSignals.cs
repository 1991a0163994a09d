namespace ActorTcp.Connections;

/// <summary>
/// The messages a connection actor sends itself: socket completions and its timer. Each is a single
/// cached instance, so I/O and timer ticks allocate no message.
/// </summary>
internal static class ConnectionSignals
{
    /// <summary>The zero-byte receive completed: the socket is readable, at EOF, or failed.</summary>
    public sealed class ReadReady
    {
        public static readonly ReadReady Instance = new();

        private ReadReady()
        {
        }
    }

    /// <summary>Reading stopped after its share of one turn and goes on in the next.</summary>
    public sealed class ReadMore
    {
        public static readonly ReadMore Instance = new();

        private ReadMore()
        {
        }
    }

    /// <summary>The asynchronous send completed.</summary>
    public sealed class WriteCompleted
    {
        public static readonly WriteCompleted Instance = new();

        private WriteCompleted()
        {
        }
    }

    /// <summary>The connection's single timer fell due: check every deadline and re-arm.</summary>
    public sealed class TimerTick
    {
        public static readonly TimerTick Instance = new();

        private TimerTick()
        {
        }
    }
}
