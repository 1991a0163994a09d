using System.Buffers;
using ActorTcp.Framing;
using BenchmarkDotNet.Attributes;

namespace ActorTcp.Benchmarks.Connections;

/// <summary>
/// Frames per second of each framer over a pooled multi-segment buffer (4 KiB segments, so some
/// frames straddle segments). The target is zero bytes allocated per frame.
/// </summary>
[MemoryDiagnoser]
public class FramingBenchmarks
{
    private const int FrameCount = 1024;
    private const int SegmentSize = 4096;

    private IFrameCodec _codec = null!;
    private ReadOnlySequence<byte> _buffer;
    private List<byte[]> _rented = [];

    [Params(FramingMode.Line, FramingMode.LengthPrefixed)]
    public FramingMode Mode { get; set; }

    [Params(32, 512)]
    public int PayloadSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _codec = Mode == FramingMode.Line ? new LineFramer(64 * 1024) : new LengthPrefixedFramer(64 * 1024, 4);
        var payload = Enumerable.Repeat((byte)'x', PayloadSize).ToArray();
        var encoded = new ArrayBufferWriter<byte>();
        for (var i = 0; i < FrameCount; i++)
        {
            _codec.Encode(payload, encoded);
        }

        (_buffer, _rented) = PooledSegment.Build(encoded.WrittenSpan, SegmentSize);
    }

    [GlobalCleanup]
    public void Cleanup() => _rented.ForEach(array => ArrayPool<byte>.Shared.Return(array));

    [Benchmark(OperationsPerInvoke = FrameCount)]
    public long ReadAllFrames()
    {
        var buffer = _buffer;
        long bytes = 0;
        while (_codec.TryReadFrame(ref buffer, out var frame) == FramingStatus.Frame)
        {
            bytes += frame.Length;
        }

        return bytes;
    }
}
