using System.Security.Cryptography;

namespace ExportKit.Engine;

/// <summary>Ids of 128 random bits: <c>exp_</c> followed by 32 hex digits.</summary>
internal sealed class RandomExportIdGenerator : IExportIdGenerator
{
    public string NewId(string prefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        return prefix + "_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
    }
}
