using System.Buffers;
using System.Text;
using ActorTcp.Connections;
using ActorTcp.Handlers;
using ActorTcp.Teardown;

namespace ActorTcp.Tests.Connections;

/// <summary>Small handlers the connection tests run; each does one thing the scenario needs.</summary>
internal static class Handlers
{
    /// <summary>Does nothing at all: never answers, never closes (the forgetful handler).</summary>
    public sealed class Silent : IConnectionHandler
    {
        public void OnConnected(IConnectionContext connection)
        {
        }

        public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame)
        {
        }

        public void OnPeerClosed(IConnectionContext connection)
        {
        }

        public void OnWritingSuspended(IConnectionContext connection)
        {
        }

        public void OnWritingResumed(IConnectionContext connection)
        {
        }

        public void OnClosed(IConnectionContext connection, ConnectionClosed closed)
        {
        }
    }

    /// <summary>Closes the connection as soon as it receives the frame <c>quit</c>.</summary>
    public sealed class ClosesOnQuit : IConnectionHandler
    {
        public void OnConnected(IConnectionContext connection)
        {
        }

        public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame)
        {
            if (Encoding.UTF8.GetString(frame) == "quit")
            {
                connection.Close();
            }
        }

        public void OnPeerClosed(IConnectionContext connection)
        {
        }

        public void OnWritingSuspended(IConnectionContext connection)
        {
        }

        public void OnWritingResumed(IConnectionContext connection)
        {
        }

        public void OnClosed(IConnectionContext connection, ConnectionClosed closed)
        {
        }
    }

    /// <summary>Throws on the frame <c>boom</c>, echoes everything else.</summary>
    public sealed class ThrowsOnBoom : IConnectionHandler
    {
        public void OnConnected(IConnectionContext connection)
        {
        }

        public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame)
        {
            if (Encoding.UTF8.GetString(frame) == "boom")
            {
                throw new InvalidOperationException("handler bug");
            }

            connection.Send(frame);
        }

        public void OnPeerClosed(IConnectionContext connection) => connection.Close();

        public void OnWritingSuspended(IConnectionContext connection)
        {
        }

        public void OnWritingResumed(IConnectionContext connection)
        {
        }

        public void OnClosed(IConnectionContext connection, ConnectionClosed closed)
        {
        }
    }

    /// <summary>
    /// On the frame <c>flood</c>, writes 1 KiB frames until the queue suspends, then tries a burst past
    /// the hard cap and records every result.
    /// </summary>
    public sealed class Flooder : IConnectionHandler
    {
        private static readonly byte[] Payload = Encoding.UTF8.GetBytes(new string('x', 1024));

        private int _suspensions;
        private long _maxQueued;

        /// <summary>The most bytes the connection's queue held after any send.</summary>
        public long MaxQueued => Interlocked.Read(ref _maxQueued);

        /// <summary>Read by the test while the connection still writes, hence the thread-safe members.</summary>
        public int Suspensions => Volatile.Read(ref _suspensions);

        public System.Collections.Concurrent.ConcurrentQueue<EnqueueResult> Results { get; } = new();

        public void OnConnected(IConnectionContext connection)
        {
        }

        public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame)
        {
            FillUntilSuspended(connection);

            // A writer that ignores backpressure: everything past the hard cap is refused.
            for (var i = 0; i < 200; i++)
            {
                Results.Enqueue(connection.Send(Payload));
                RecordQueue(connection);
            }
        }

        public void OnPeerClosed(IConnectionContext connection)
        {
        }

        public void OnWritingSuspended(IConnectionContext connection) => Interlocked.Increment(ref _suspensions);

        public void OnWritingResumed(IConnectionContext connection) => FillUntilSuspended(connection);

        public void OnClosed(IConnectionContext connection, ConnectionClosed closed)
        {
        }

        private void RecordQueue(IConnectionContext connection) =>
            Interlocked.Exchange(ref _maxQueued, Math.Max(_maxQueued, connection.Info.WriteQueueBytes));

        private void FillUntilSuspended(IConnectionContext connection)
        {
            EnqueueResult result;
            do
            {
                result = connection.Send(Payload);
                Results.Enqueue(result);
                RecordQueue(connection);
            }
            while (result == EnqueueResult.Accepted);
        }
    }

    /// <summary>On any frame, queues <c>frames</c> numbered lines at once, ignoring backpressure up to the hard cap; counts suspend and resume.</summary>
    public sealed class Burst(int frames) : IConnectionHandler
    {
        private int _suspensions;
        private int _resumptions;

        public int Suspensions => Volatile.Read(ref _suspensions);

        public int Resumptions => Volatile.Read(ref _resumptions);

        public void OnConnected(IConnectionContext connection)
        {
        }

        public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame)
        {
            for (var i = 0; i < frames; i++)
            {
                Assert.NotEqual(EnqueueResult.Refused, connection.Send(Encoding.UTF8.GetBytes(i.ToString("D1000", System.Globalization.CultureInfo.InvariantCulture))));
            }
        }

        public void OnPeerClosed(IConnectionContext connection)
        {
        }

        public void OnWritingSuspended(IConnectionContext connection) => Interlocked.Increment(ref _suspensions);

        public void OnWritingResumed(IConnectionContext connection) => Interlocked.Increment(ref _resumptions);

        public void OnClosed(IConnectionContext connection, ConnectionClosed closed)
        {
        }
    }
}
