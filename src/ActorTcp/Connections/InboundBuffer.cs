using System.Buffers;

namespace ActorTcp.Connections;

/// <summary>
/// The bytes read from a connection and not yet framed: one pooled array, held only while data is
/// there. A read lands behind the partial frame left by the previous one, so the framer always sees
/// one contiguous span (no segment walking) and the leftover is moved to the front after framing.
/// </summary>
/// <remarks>
/// <para>
/// The array is rented when a read is about to happen and returned as soon as framing leaves nothing
/// behind, so an idle connection holds no buffer. It grows (rent bigger, copy, return the old one)
/// only when a partial frame leaves less than <see cref="ReadSize"/> free; the framer reports a
/// protocol error before the leftover passes <c>MaxPendingBytes</c>, so the array never exceeds
/// that plus one read (rounded up to the pool's bucket size).
/// </para>
/// <para>
/// A mutable struct kept in a field of the connection actor: no object of its own.
/// </para>
/// </remarks>
internal struct InboundBuffer
{
    /// <summary>The bytes offered to one read; the socket's receive buffer holds the rest.</summary>
    public const int ReadSize = 4096;

    private byte[]? _array;
    private int _length;

    /// <summary>Whether a pooled array is held.</summary>
    public readonly bool IsHeld => _array is not null;

    /// <summary>Bytes of a partial frame waiting for the rest.</summary>
    public readonly int PendingLength => _length;

    /// <summary>The unframed bytes, partial frame first.</summary>
    public readonly ReadOnlySequence<byte> Data =>
        _array is null ? ReadOnlySequence<byte>.Empty : new ReadOnlySequence<byte>(_array, 0, _length);

    /// <summary>Where the next read goes: at least <see cref="ReadSize"/> bytes behind the pending ones.</summary>
    /// <returns>The free space of the array.</returns>
    public Span<byte> GetReadSpace()
    {
        var needed = _length + ReadSize;
        if (_array is null)
        {
            _array = ArrayPool<byte>.Shared.Rent(ReadSize);
        }
        else if (_array.Length < needed)
        {
            var larger = ArrayPool<byte>.Shared.Rent(needed);
            _array.AsSpan(0, _length).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = larger;
        }

        return _array.AsSpan(_length);
    }

    /// <summary>Counts <paramref name="count"/> bytes just read into <see cref="GetReadSpace"/>.</summary>
    /// <param name="count">Bytes read.</param>
    public void Commit(int count) => _length += count;

    /// <summary>Drops the first <paramref name="consumed"/> bytes (framed and handed on), keeping the rest at the front.</summary>
    /// <param name="consumed">Bytes the framer consumed.</param>
    public void Consume(int consumed)
    {
        var left = _length - consumed;
        if (left == 0)
        {
            Release();
            return;
        }

        _array.AsSpan(consumed, left).CopyTo(_array);
        _length = left;
    }

    /// <summary>Returns the array to the pool when no partial frame is waiting in it.</summary>
    public void ReleaseIfEmpty()
    {
        if (_length == 0)
        {
            Release();
        }
    }

    /// <summary>Drops whatever is pending and returns the array to the pool.</summary>
    public void Release()
    {
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = null;
        }

        _length = 0;
    }
}
