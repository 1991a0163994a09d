using System.Net.Sockets;
using ActorTcp.TestKit.Sockets;

namespace ActorTcp.TestKit.Tests.Sockets;

[Collection(ProcessWideStateCollection.Name)]
public sealed class OpenFileDescriptorsTests
{
    [Fact]
    public void OpeningAndClosingSockets_ChangesTheCountByOneEach()
    {
        var before = OpenFileDescriptors.Count();

        var sockets = new List<Socket>();
        for (var i = 0; i < 3; i++)
        {
            sockets.Add(new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp));
        }

        var whileOpen = OpenFileDescriptors.Count();
        sockets.ForEach(socket => socket.Dispose());
        var after = OpenFileDescriptors.Count();

        Assert.Equal(before + 3, whileOpen);
        Assert.Equal(before, after);
    }
}
