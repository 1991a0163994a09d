using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

// The naive baseline: what a first async-socket server looks like. Every connection gets its own
// task and its own 4 KiB receive buffer for its whole life, idle or not.
var port = 7000;
var closeAfterReply = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--port":
            port = int.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--close-after-reply":
            closeAfterReply = true;
            break;
        default:
            Console.Error.WriteLine("usage: EchoServer.Naive [--port N] [--close-after-reply]");
            return 2;
    }
}

using var stopping = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stopping.Cancel();
});
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    stopping.Cancel();
});

using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
listener.Bind(new IPEndPoint(IPAddress.Any, port));
listener.Listen(4096);
Console.WriteLine($"naive pid={Environment.ProcessId} port={((IPEndPoint)listener.LocalEndPoint!).Port}");

try
{
    while (true)
    {
        var socket = await listener.AcceptAsync(stopping.Token);
        _ = Task.Run(() => ServeAsync(socket, closeAfterReply), CancellationToken.None);
    }
}
catch (OperationCanceledException)
{
}

return 0;

static async Task ServeAsync(Socket socket, bool closeAfterReply)
{
    using (socket)
    {
        socket.NoDelay = true;
        var buffer = new byte[4096];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    break;
                }

                await socket.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
                if (closeAfterReply)
                {
                    // Closing first is what a short-connection server does: this side sends the
                    // first FIN and so keeps the TIME_WAIT socket.
                    break;
                }
            }
        }
        catch (SocketException)
        {
        }
    }
}
