using ActorTcp.Benchmarks.Connections;
using BenchmarkDotNet.Running;

// Whole-server measurements (footprint, echo, churn) run here; anything else goes to
// BenchmarkDotNet, e.g. `--filter '*Tell*'`. See docs/benchmarks.md.
if (ConnectionHarness.Handles(args))
{
    return await ConnectionHarness.RunAsync(args).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
