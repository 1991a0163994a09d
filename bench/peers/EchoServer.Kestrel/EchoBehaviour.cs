namespace EchoServer.Kestrel;

/// <summary>Whether each connection ends after its first reply (the short-connection protocol).</summary>
/// <param name="CloseAfterReply">True for <c>--close-after-reply</c>.</param>
public sealed record EchoBehaviour(bool CloseAfterReply);
