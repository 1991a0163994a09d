using ActorTcp.Host.Cli;

return await HostCommandLine.RunAsync(args).ConfigureAwait(false);
