using System.Buffers;
using ActorTcp.Connections;
using ActorTcp.Handlers;
using ActorTcp.Teardown;

namespace ActorTcp.Faults.Tests.Support;

/// <summary>
/// On the line <c>GO</c>, writes <see cref="TotalBytes"/> as lines of <see cref="LineBytes"/>,
/// honouring backpressure: it stops when a send crosses the high watermark and goes on when writing
/// resumes, as a well-behaved producer does.
/// </summary>
public sealed class BulkWriter : IConnectionHandler
{
    public const int TotalBytes = 10 * 1024 * 1024;
    public const int LineBytes = 32 * 1024;

    private static readonly byte[] Line = Enumerable.Repeat((byte)'x', LineBytes - 1).ToArray();
    private long _written = -1;

    public void OnConnected(IConnectionContext connection)
    {
    }

    public void OnFrame(IConnectionContext connection, ReadOnlySequence<byte> frame)
    {
        if (_written < 0 && frame.FirstSpan.SequenceEqual("GO"u8))
        {
            _written = 0;
            WriteWhileAllowed(connection);
        }
    }

    public void OnPeerClosed(IConnectionContext connection) => connection.Close();

    public void OnWritingSuspended(IConnectionContext connection)
    {
    }

    public void OnWritingResumed(IConnectionContext connection) => WriteWhileAllowed(connection);

    public void OnClosed(IConnectionContext connection, ConnectionClosed closed)
    {
    }

    private void WriteWhileAllowed(IConnectionContext connection)
    {
        while (_written >= 0 && _written < TotalBytes)
        {
            var result = connection.Send(Line);
            if (result == EnqueueResult.Refused)
            {
                return;
            }

            _written += LineBytes;
            if (result == EnqueueResult.Suspended)
            {
                return;
            }
        }
    }
}
