using System.Security.Cryptography;
using System.Text;

namespace ExportKit.Sample.Demo;

/// <summary>
/// With <c>--now</c>: export ids derived from the fixed clock and from what is exported (the request's options), so
/// the same export repeated gets the same id and writes an identical file — the registry takes the same record again
/// as a no-op — while two different exports at the same <c>--now</c> get different ids and never collide. Every other
/// id (queries, audit events) stays random, so reruns against one database never collide.
/// </summary>
internal sealed class ClockDerivedIds(DateTimeOffset now, string request) : IExportIdGenerator
{
    private int exports;

    public string NewId(string prefix)
    {
        if (prefix != "exp")
        {
            return prefix + "_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        }

        var seed = $"{prefix}|{ExportValueText.FormatInstant(now)}|{request}|{Interlocked.Increment(ref exports)}";
        return prefix + "_" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(seed)), 0, 16).ToLowerInvariant();
    }
}
