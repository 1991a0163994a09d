using System.Globalization;
using EchoServer.Kestrel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

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
            Console.Error.WriteLine("usage: EchoServer.Kestrel [--port N] [--close-after-reply]");
            return 2;
    }
}

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.Services.AddSingleton(new EchoBehaviour(closeAfterReply));
// The same accept queue length as every other server in the comparison.
builder.WebHost.UseSockets(sockets => sockets.Backlog = 4096);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    // The IPv4 wildcard, like every other server in the comparison, so the kernel's socket table
    // shows all of them in /proc/net/tcp.
    kestrel.Listen(System.Net.IPAddress.Any, port, listen => listen.UseConnectionHandler<EchoConnectionHandler>());
});

await using var app = builder.Build();
await app.StartAsync();
Console.WriteLine($"kestrel pid={Environment.ProcessId} port={port}");
await app.WaitForShutdownAsync();
return 0;
