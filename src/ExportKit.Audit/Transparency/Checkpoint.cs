using System.Globalization;
using System.Text;

namespace ExportKit.Audit;

/// <summary>
/// A C2SP tlog-checkpoint (origin line, decimal tree size, base64 root hash, each ending in a newline) as a C2SP signed
/// note: the checkpoint text, a blank line, and signature lines <c>— &lt;key name&gt; &lt;base64(key hash ‖ signature)&gt;</c>.
/// </summary>
internal sealed class Checkpoint
{
    private const string SignaturePrefix = "\u2014 ";

    public Checkpoint(string origin, long size, byte[] root)
    {
        Origin = origin;
        Size = size;
        Root = root;
    }

    public string Origin { get; }

    public long Size { get; }

    public byte[] Root { get; }

    public string Body => string.Create(CultureInfo.InvariantCulture, $"{Origin}\n{Size}\n{Convert.ToBase64String(Root)}\n");

    public string Sign(NoteKey key)
    {
        var body = Body;
        return body + "\n" + SignaturePrefix + key.Name + " " + key.Sign(Encoding.UTF8.GetBytes(body)) + "\n";
    }

    /// <summary>
    /// Reads a signed checkpoint and checks it is this log's: the origin is <paramref name="origin"/> and a signature
    /// by <paramref name="key"/> verifies. Throws <see cref="ArgumentException"/> saying what is wrong otherwise.
    /// </summary>
    public static Checkpoint Open(string note, string origin, NoteKey key, string paramName)
    {
        ArgumentNullException.ThrowIfNull(note, paramName);
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || !note.EndsWith('\n') || note.Length > 1_000_000)
        {
            throw Malformed(paramName, "it is not a signed note (the checkpoint text, a blank line, then signature lines, each ending in a newline)");
        }

        var body = note[..(split + 1)];
        var lines = body.Split('\n');
        if (lines.Length < 4 || lines[0].Length == 0)
        {
            throw Malformed(paramName, "its text does not have an origin line, a tree size line and a root hash line");
        }

        if (!string.Equals(lines[0], origin, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The checkpoint is from another log: its origin is '{lines[0]}', but this log's origin is '{origin}'. Give a checkpoint this log signed.", paramName);
        }

        if (!long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || !string.Equals(size.ToString(CultureInfo.InvariantCulture), lines[1], StringComparison.Ordinal))
        {
            throw Malformed(paramName, $"its tree size '{lines[1]}' is not a decimal number without sign or leading zeros");
        }

        var root = DecodeHash(lines[2]) ?? throw Malformed(paramName, "its root hash is not the base64 of 32 bytes");
        var message = Encoding.UTF8.GetBytes(body);
        var signed = false;
        foreach (var line in note[(split + 2)..].Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!line.StartsWith(SignaturePrefix, StringComparison.Ordinal))
            {
                throw Malformed(paramName, "a signature line does not start with '— '");
            }

            var parts = line[SignaturePrefix.Length..].Split(' ');
            var payload = parts.Length == 2 ? DecodeBase64(parts[1]) : null;
            if (payload is not { Length: > 4 })
            {
                throw Malformed(paramName, "a signature line is not '— <key name> <base64 signature>'");
            }

            var hash = System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(payload);
            if (string.Equals(parts[0], key.Name, StringComparison.Ordinal) && hash == key.Hash)
            {
                if (!key.Verify(message, payload.AsSpan(4)))
                {
                    throw new ArgumentException($"The checkpoint's signature by {key.Name} does not verify: the checkpoint was altered after it was signed.", paramName);
                }

                signed = true;
            }
        }

        if (!signed)
        {
            throw new ArgumentException($"The checkpoint is not signed by this log's key ({key.VerifierKey}): it was signed by another key or not at all. Give a checkpoint this log signed.", paramName);
        }

        return new Checkpoint(origin, size, root);
    }

    public static byte[]? DecodeHash(string base64) => DecodeBase64(base64) is { Length: MerkleHashing.HashSize } hash ? hash : null;

    private static byte[]? DecodeBase64(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static ArgumentException Malformed(string paramName, string problem) =>
        new($"The checkpoint is malformed: {problem}. Give a checkpoint as this log writes it (C2SP tlog-checkpoint in a signed note).", paramName);
}
