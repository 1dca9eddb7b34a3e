using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// Full runs: dotnet run -c Release --project benchmarks/ExportKit.Benchmarks -- --filter '*'
// Quick mode (about 10 minutes on 2 cores): add --quick; fewer warm-ups and iterations, one launch.
var quick = args.Contains("--quick");
var config = DefaultConfig.Instance;
if (quick)
{
    config = config.AddJob(Job.ShortRun.WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(5).WithId("Quick"));
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. args.Where(a => a != "--quick")], config);
