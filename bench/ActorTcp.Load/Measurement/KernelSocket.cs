using System.Net;

namespace ActorTcp.Load.Measurement;

/// <summary>One row of the kernel's socket table.</summary>
/// <param name="Local">The local address and port.</param>
/// <param name="Remote">The remote address and port.</param>
/// <param name="State">The TCP state.</param>
internal readonly record struct KernelSocket(IPEndPoint Local, IPEndPoint Remote, TcpState State);
