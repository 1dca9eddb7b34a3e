using System.Security.Cryptography;

namespace ExportKit.Formats.BagIt;

/// <summary>The manifest algorithms the verifier checks: <c>sha256</c>, <c>sha384</c> and <c>sha512</c> (RFC 8493 names).</summary>
internal static class ChecksumAlgorithms
{
    public static readonly IReadOnlyList<string> Supported = ["sha256", "sha384", "sha512"];

    public static bool TryGet(string name, out HashAlgorithmName algorithm, out int hexLength)
    {
        (algorithm, hexLength) = name switch
        {
            "sha256" => (HashAlgorithmName.SHA256, 64),
            "sha384" => (HashAlgorithmName.SHA384, 96),
            "sha512" => (HashAlgorithmName.SHA512, 128),
            _ => (default, 0),
        };
        return hexLength > 0;
    }

    public static string ToHex(ReadOnlySpan<byte> hash)
    {
        const string Digits = "0123456789abcdef";
        return string.Create(hash.Length * 2, hash.ToArray(), static (chars, bytes) =>
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = Digits[bytes[i] >> 4];
                chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
            }
        });
    }
}
