namespace ActorTcp.Framing;

/// <summary>A framing mode's two sides in one stateless object: reading frames and writing them.</summary>
public interface IFrameCodec : IFramer, IFrameEncoder
{
}
