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

        public int Suspensions { get; private set; }

        public List<EnqueueResult> Results { get; } = [];

        public void OnConnected(IConnectionContext connection)
        {
        }

        public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame)
        {
            EnqueueResult result;
            do
            {
                result = connection.Send(Payload);
                Results.Add(result);
            }
            while (result == EnqueueResult.Accepted);

            // A writer that ignores backpressure: everything past the hard cap is refused.
            for (var i = 0; i < 200; i++)
            {
                Results.Add(connection.Send(Payload));
            }
        }

        public void OnPeerClosed(IConnectionContext connection)
        {
        }

        public void OnWritingSuspended(IConnectionContext connection) => Suspensions++;

        public void OnWritingResumed(IConnectionContext connection)
        {
        }

        public void OnClosed(IConnectionContext connection, ConnectionClosed closed)
        {
        }
    }
}
