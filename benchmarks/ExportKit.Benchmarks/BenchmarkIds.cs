using System.Globalization;

namespace ExportKit.Benchmarks;

/// <summary>Unique ids from a counter, safe from any number of threads.</summary>
internal sealed class BenchmarkIds : IExportIdGenerator
{
    private long next;

    public string NewId(string prefix) => prefix + "_" + Interlocked.Increment(ref next).ToString(CultureInfo.InvariantCulture);
}
