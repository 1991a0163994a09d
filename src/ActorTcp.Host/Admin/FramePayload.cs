using System.Text;

namespace ActorTcp.Host.Admin;

/// <summary>
/// The body of <c>send</c> and <c>broadcast</c>: one frame's payload as UTF-8 <c>text</c> or as
/// <c>base64</c> bytes; the framer adds the framing (the line end in line mode).
/// </summary>
/// <param name="Text">The payload as text.</param>
/// <param name="Base64">The payload as base64, for bytes that are not text.</param>
internal sealed record FramePayload(string? Text, string? Base64)
{
    /// <summary>The payload bytes, or null with a reason when the body holds neither or both, or bad base64.</summary>
    public byte[]? ToBytes(out string? problem)
    {
        problem = null;
        if ((Text is null) == (Base64 is null))
        {
            problem = "expected a JSON body with exactly one of \"text\" or \"base64\"";
            return null;
        }

        if (Text is not null)
        {
            return Encoding.UTF8.GetBytes(Text);
        }

        try
        {
            return Convert.FromBase64String(Base64!);
        }
        catch (FormatException)
        {
            problem = "\"base64\" is not valid base64";
            return null;
        }
    }
}
