using ActorTcp.Load.Cli;

return await LoadCommands.Create().Parse(args).InvokeAsync();
