using System.Buffers;

namespace ActorTcp.Tests.Connections;

/// <summary>An array pool that counts what is out, to prove a queue gives every segment back.</summary>
public sealed class CountingPool : ArrayPool<byte>
{
    public int Outstanding { get; private set; }

    public int Rented { get; private set; }

    public override byte[] Rent(int minimumLength)
    {
        Outstanding++;
        Rented++;
        return new byte[minimumLength];
    }

    public override void Return(byte[] array, bool clearArray = false) => Outstanding--;
}
