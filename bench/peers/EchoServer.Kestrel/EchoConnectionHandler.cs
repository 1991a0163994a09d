using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace EchoServer.Kestrel;

/// <summary>Writes back every byte read, straight from the input pipe to the output pipe.</summary>
public sealed class EchoConnectionHandler(EchoBehaviour behaviour) : ConnectionHandler
{
    /// <inheritdoc />
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        while (true)
        {
            var result = await input.ReadAsync();
            var buffer = result.Buffer;
            foreach (var segment in buffer)
            {
                output.Write(segment.Span);
            }

            var replied = !buffer.IsEmpty;
            input.AdvanceTo(buffer.End);
            if (replied)
            {
                await output.FlushAsync();
            }

            // Returning ends the connection: Kestrel sends the first FIN, so this side keeps the
            // TIME_WAIT socket when it closes after the reply.
            if (result.IsCompleted || (replied && behaviour.CloseAfterReply))
            {
                return;
            }
        }
    }
}
