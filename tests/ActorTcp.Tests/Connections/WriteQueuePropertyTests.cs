using ActorTcp.Connections;
using ActorTcp.Framing;
using FsCheck;
using FsCheck.Fluent;

namespace ActorTcp.Tests.Connections;

public sealed class WriteQueuePropertyTests
{
    [Fact]
    public void AnyMixOfWritesAndSends_KeepsOrderStaysUnderTheCapAndReturnsAllMemory()
    {
        // Arrange: positive numbers write that many bytes (as a frame when even), negatives send up to that many.
        var ops = Gen.ArrayOf(Gen.Choose(-3000, 3000));
        var codec = new RawFramer(3000);

        // Act + Assert
        Prop.ForAll(ops.ToArbitrary(), steps =>
        {
            var pool = new CountingPool();
            var queue = new WriteQueue(8_000, 2_000, 3000, pool);
            var expected = new List<byte>();
            var sent = new List<byte>();
            byte next = 0;
            foreach (var step in steps)
            {
                if (step > 0)
                {
                    var bytes = new byte[step];
                    for (var i = 0; i < bytes.Length; i++)
                    {
                        bytes[i] = next++;
                    }

                    var result = step % 2 == 0 ? queue.EnqueueFrame(codec, bytes, TimeSpan.Zero) : queue.Enqueue(bytes, TimeSpan.Zero);
                    if (result != EnqueueResult.Refused)
                    {
                        expected.AddRange(bytes);
                    }
                }
                else
                {
                    var take = (int)Math.Min(-step, queue.Peek().Length);
                    sent.AddRange(queue.Peek().Span[..take].ToArray());
                    queue.Advance(take);
                }

                Assert.InRange(queue.Length, 0, queue.Capacity);
                Assert.Equal(expected.Count - sent.Count, queue.Length);
                Assert.True(!queue.IsSuspended || queue.Length > queue.LowWatermark, "Suspended at or below the low watermark.");
            }

            while (queue.Length > 0)
            {
                var chunk = queue.Peek();
                sent.AddRange(chunk.ToArray());
                queue.Advance(chunk.Length);
            }

            Assert.Equal(expected, sent);
            Assert.Equal(0, pool.Outstanding);
        }).QuickCheckThrowOnFailure();
    }
}
