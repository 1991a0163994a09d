using BenchmarkDotNet.Running;

// Runs the suites chosen on the command line, e.g. `--filter '*Tell*'`; see docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
