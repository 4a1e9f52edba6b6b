using BenchmarkDotNet.Running;
using Ricord.Benchmarks;

// dotnet run -c Release --project bench/Ricord.Benchmarks -- --filter '*' --job short --inProcess
// The CT file comes from RICORD_BENCH_CT (default: the first file of bench/make-ct-corpus.py's corpus).
BenchmarkSwitcher.FromAssembly(typeof(ParseBenchmarks).Assembly).Run(args);
