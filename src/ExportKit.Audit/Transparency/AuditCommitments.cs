using System.Security.Cryptography;
using System.Text;

namespace ExportKit.Audit;

/// <summary>
/// Salted commitments to an event's personal values: SHA-256(salt ‖ UTF-8 field ‖ 0x00 ‖ UTF-8 value) with a fresh
/// random 32-byte salt per event and field. Without the salt, the commitment reveals nothing of the value, not even
/// of a small value space such as IPv4 addresses; with the salt and value erased, it still fixes the leaf.
/// </summary>
internal static class AuditCommitments
{
    public const int SaltSize = 32;

    private const int StackLimit = 512;

    /// <summary>Commits to every personal value the policy selects, each with a new salt.</summary>
    public static List<AuditCommitment> Create(AuditEvent auditEvent, PersonalDataPolicy policy)
    {
        var commitments = new List<AuditCommitment>();
        foreach (var (field, value) in PersonalFields.Find(auditEvent, policy.Selects))
        {
            if (value is null)
            {
                continue;
            }

            var salt = RandomNumberGenerator.GetBytes(SaltSize);
            commitments.Add(new AuditCommitment { Field = field, Commitment = Commit(salt, field, value), Salt = salt });
        }

        return commitments;
    }

    /// <summary>
    /// The commitments as the event's content now implies them: recomputed from the salt and the stored value, or, for
    /// an erased value (no salt), the recorded commitment if the value is gone, and a commitment that cannot match if
    /// the value is still there.
    /// </summary>
    public static Dictionary<string, byte[]> Recompute(AuditEvent auditEvent, IReadOnlyList<AuditCommitment> recorded)
    {
        var keys = new HashSet<string>(recorded.Select(c => c.Field), StringComparer.Ordinal);
        var parts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash)
            {
                parts.Add(key[..slash]);
            }
        }

        var values = PersonalFields.Find(auditEvent, (key, _) => keys.Contains(key), parts);
        var result = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var commitment in recorded)
        {
            values.TryGetValue(commitment.Field, out var value);
            result[commitment.Field] = commitment.Salt is { } salt
                ? value is null ? Mismatch(commitment) : Commit(salt.Span, commitment.Field, value)
                : value is null or "null" ? commitment.Commitment.ToArray() : Mismatch(commitment);
        }

        return result;
    }

    public static byte[] Commit(ReadOnlySpan<byte> salt, string field, string value)
    {
        // One-shot SHA-256 over the bytes laid out in one buffer (on the stack when small): the same digest as hashing
        // the parts incrementally, without a hash object and two UTF-8 arrays per value. The buffer holds a personal
        // value, so it is cleared before it is left.
        var length = salt.Length + Encoding.UTF8.GetByteCount(field) + 1 + Encoding.UTF8.GetByteCount(value);
        var rented = length > StackLimit ? System.Buffers.ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> input = rented is null ? stackalloc byte[StackLimit] : rented;
        try
        {
            salt.CopyTo(input);
            var at = salt.Length;
            at += Encoding.UTF8.GetBytes(field, input[at..]);
            input[at++] = 0x00;
            at += Encoding.UTF8.GetBytes(value, input[at..]);
            return SHA256.HashData(input[..at]);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input[..length]);
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    public static Dictionary<string, byte[]> ByField(IEnumerable<AuditCommitment> commitments) =>
        commitments.ToDictionary(c => c.Field, c => c.Commitment.ToArray(), StringComparer.Ordinal);

    // A value that no longer matches its commitment must make the leaf differ: the recorded commitment, inverted.
    private static byte[] Mismatch(AuditCommitment commitment)
    {
        var bytes = commitment.Commitment.ToArray();
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)~bytes[i];
        }

        return bytes;
    }
}
