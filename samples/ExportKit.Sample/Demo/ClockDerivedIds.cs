using System.Security.Cryptography;
using System.Text;

namespace ExportKit.Sample.Demo;

/// <summary>Ids derived from the fixed clock and a counter, so that two runs with the same <c>--now</c> give the same ids.</summary>
internal sealed class ClockDerivedIds(DateTimeOffset now) : IExportIdGenerator
{
    private int counter;

    public string NewId(string prefix)
    {
        var seed = $"{prefix}|{ExportValues.FormatInstant(now)}|{Interlocked.Increment(ref counter)}";
        return prefix + "_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), 0, 16).ToLowerInvariant();
    }
}
