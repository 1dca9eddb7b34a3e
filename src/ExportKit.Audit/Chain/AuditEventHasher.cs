using System.Security.Cryptography;

namespace ExportKit.Audit;

/// <summary>Hashes events for the chain: SHA-256, or HMAC-SHA-256 with the configured key, over <see cref="AuditEventEncoding"/>, lower-case hex.</summary>
internal sealed class AuditEventHasher
{
    /// <summary>The previous hash of the first event: 64 zeros.</summary>
    public static readonly string GenesisHash = new('0', 64);

    private readonly byte[]? key;

    public AuditEventHasher(byte[]? key) => this.key = key;

    public string Hash(AuditEvent auditEvent) => Hash(AuditEventEncoding.Encode(auditEvent));

    /// <summary>The chain hash of encoded bytes: an event's v1 encoding, or its leaf bytes when the store keeps the tree.</summary>
    public string Hash(byte[] bytes)
    {
        var hash = key is null ? SHA256.HashData(bytes) : HMACSHA256.HashData(key, bytes);
        return Convert.ToHexString(hash).ToLowerInvariant();
    }
}
