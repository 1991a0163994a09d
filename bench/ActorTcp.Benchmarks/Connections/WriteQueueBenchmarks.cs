using ActorTcp.Connections;
using ActorTcp.Framing;
using BenchmarkDotNet.Attributes;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>
/// Echo-style outbound path: encode a frame into the write queue, then send it. In steady state the
/// pooled segments are reused and nothing is allocated per frame.
/// </summary>
[MemoryDiagnoser]
public class WriteQueueBenchmarks
{
    private const int FramesPerBatch = 64;

    private readonly LineFramer _codec = new(64 * 1024);
    private readonly byte[] _payload = Enumerable.Repeat((byte)'x', 100).ToArray();
    private WriteQueue _queue = null!;

    [GlobalSetup]
    public void Setup() => _queue = new WriteQueue(64 * 1024, 16 * 1024, _codec.GetEncodedLength(64 * 1024));

    [GlobalCleanup]
    public void Cleanup() => _queue.Dispose();

    [Benchmark(OperationsPerInvoke = FramesPerBatch)]
    public long EnqueueAndSend()
    {
        for (var i = 0; i < FramesPerBatch; i++)
        {
            _queue.EnqueueFrame(_codec, _payload, TimeSpan.Zero);
        }

        long sent = 0;
        while (_queue.Length > 0)
        {
            var chunk = _queue.Peek();
            sent += chunk.Length;
            _queue.Advance(chunk.Length);
        }

        return sent;
    }
}
