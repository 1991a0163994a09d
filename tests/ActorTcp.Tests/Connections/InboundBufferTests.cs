using System.Buffers;
using ActorTcp.Connections;

namespace ActorTcp.Tests.Connections;

public sealed class InboundBufferTests
{
    [Fact]
    public void ReadFullyFramed_ReturnsTheArray_SoAnIdleConnectionHoldsNoBuffer()
    {
        var buffer = default(InboundBuffer);

        var space = buffer.GetReadSpace();
        "hello\n"u8.CopyTo(space);
        buffer.Commit(6);
        Assert.True(buffer.IsHeld);
        buffer.Consume(6);

        Assert.False(buffer.IsHeld);
        Assert.Equal(0, buffer.PendingLength);
    }

    [Fact]
    public void PartialFrame_IsKeptAtTheFront_AndTheNextReadLandsBehindIt()
    {
        var buffer = default(InboundBuffer);
        "one\ntw"u8.CopyTo(buffer.GetReadSpace());
        buffer.Commit(6);

        buffer.Consume(4);
        "o\n"u8.CopyTo(buffer.GetReadSpace());
        buffer.Commit(2);

        Assert.Equal("two\n"u8.ToArray(), buffer.Data.ToArray());
        buffer.Release();
        Assert.False(buffer.IsHeld);
    }

    [Fact]
    public void LargePartialFrame_GrowsTheArrayByOneReadAtATime()
    {
        var buffer = default(InboundBuffer);
        var pending = 0;

        for (var read = 0; read < 10; read++)
        {
            var space = buffer.GetReadSpace();
            Assert.True(space.Length >= InboundBuffer.ReadSize);
            space[..InboundBuffer.ReadSize].Fill((byte)read);
            buffer.Commit(InboundBuffer.ReadSize);
            pending += InboundBuffer.ReadSize;
            buffer.Consume(0);
        }

        Assert.Equal(pending, buffer.PendingLength);
        Assert.Equal(pending, buffer.Data.Length);
        Assert.Equal((byte)9, buffer.Data.ToArray()[^1]);
        buffer.ReleaseIfEmpty();
        Assert.True(buffer.IsHeld);
        buffer.Release();
    }
}
