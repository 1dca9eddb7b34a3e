using System.Security.Cryptography;
using System.Text;

namespace ExportKit.Sample.Demo;

/// <summary>
/// With <c>--now</c>: export ids derived from the fixed clock, so two runs write identical files (the export id is
/// in the file). Every other id (queries, audit events) stays random, so reruns against one database never collide;
/// the registry takes the same export recorded again as a no-op.
/// </summary>
internal sealed class ClockDerivedIds(DateTimeOffset now) : IExportIdGenerator
{
    private int exports;

    public string NewId(string prefix)
    {
        if (prefix != "exp")
        {
            return prefix + "_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        }

        var seed = $"{prefix}|{ExportValues.FormatInstant(now)}|{Interlocked.Increment(ref exports)}";
        return prefix + "_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), 0, 16).ToLowerInvariant();
    }
}
