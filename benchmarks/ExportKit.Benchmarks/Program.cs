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

// The PostgreSQL benchmarks need a server: EXPORTKIT_POSTGRES, an Npgsql connection string of a server where the user
// may create schemas (.ci/run shows how to start a throwaway one). Without it they are left out.
var types = typeof(Program).Assembly.GetTypes()
    .Where(t => t.IsPublic && !t.IsAbstract && t.GetMethods().Any(m => m.IsDefined(typeof(BenchmarkDotNet.Attributes.BenchmarkAttribute), false)))
    .Where(t => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("EXPORTKIT_POSTGRES")) || !t.Name.StartsWith("PostgreSql", StringComparison.Ordinal))
    .ToArray();
BenchmarkSwitcher.FromTypes(types).Run([.. args.Where(a => a != "--quick")], config);
