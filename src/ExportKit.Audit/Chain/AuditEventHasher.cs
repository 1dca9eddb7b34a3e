using System.Buffers;
using System.Security.Cryptography;

namespace ExportKit.Audit;

/// <summary>
/// Hashes events for the chain: SHA-256, or HMAC-SHA-256 with the configured key, over <see cref="AuditEventEncoding"/>,
/// lower-case hex. Each caller passes its own encoding buffer (one per writer loop or verification), so hashing
/// allocates nothing but the hex string of a new hash, and checking a stored hash allocates nothing at all.
/// </summary>
internal sealed class AuditEventHasher
{
    /// <summary>The previous hash of the first event: 64 zeros.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private const int DigestLength = 32;
    private const string HexDigits = "0123456789abcdef";

    private readonly byte[]? key;

    public AuditEventHasher(byte[]? key) => this.key = key;

    /// <summary>A buffer to pass to <see cref="Hash(AuditEvent, ArrayBufferWriter{byte})"/> and <see cref="Matches(AuditEvent, ArrayBufferWriter{byte}, string)"/>; not for two threads at once.</summary>
    public static ArrayBufferWriter<byte> NewBuffer() => new(1024);

    public string Hash(AuditEvent auditEvent, ArrayBufferWriter<byte> buffer)
    {
        Span<byte> digest = stackalloc byte[DigestLength];
        Compute(auditEvent, buffer, digest);
#if NET9_0_OR_GREATER
        return Convert.ToHexStringLower(digest);
#else
        return Convert.ToHexString(digest).ToLowerInvariant();
#endif
    }

    /// <summary>The chain hash of an event's v1 encoding (for a store without the transparency log).</summary>
    public string Hash(AuditEvent auditEvent) => Hash(auditEvent, NewBuffer());

    /// <summary>The chain hash of encoded bytes: an event's leaf bytes when the store keeps the transparency log.</summary>
    public string Hash(ReadOnlySpan<byte> bytes)
    {
        Span<byte> digest = stackalloc byte[DigestLength];
        _ = key is null ? SHA256.HashData(bytes, digest) : HMACSHA256.HashData(key, bytes, digest);
        return Convert.ToHexString(digest).ToLowerInvariant();
    }

    /// <summary>Whether <paramref name="expected"/> is the event's hash in lower-case hex, compared without building a string.</summary>
    public bool Matches(AuditEvent auditEvent, ArrayBufferWriter<byte> buffer, string expected)
    {
        AuditEventEncoding.Encode(auditEvent, buffer);
        return Matches(buffer.WrittenSpan, expected);
    }

    /// <summary>Whether <paramref name="expected"/> is the hash of <paramref name="bytes"/> in lower-case hex, compared without building a string.</summary>
    public bool Matches(ReadOnlySpan<byte> bytes, string expected)
    {
        if (expected.Length != DigestLength * 2)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[DigestLength];
        _ = key is null ? SHA256.HashData(bytes, digest) : HMACSHA256.HashData(key, bytes, digest);
        for (var i = 0; i < DigestLength; i++)
        {
            if (expected[2 * i] != HexDigits[digest[i] >> 4] || expected[(2 * i) + 1] != HexDigits[digest[i] & 0xF])
            {
                return false;
            }
        }

        return true;
    }

    private void Compute(AuditEvent auditEvent, ArrayBufferWriter<byte> buffer, Span<byte> digest)
    {
        AuditEventEncoding.Encode(auditEvent, buffer);
        _ = key is null ? SHA256.HashData(buffer.WrittenSpan, digest) : HMACSHA256.HashData(key, buffer.WrittenSpan, digest);
    }
}
