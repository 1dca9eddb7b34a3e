using System.Text.Json;

namespace ExportKit.Audit;

/// <summary>Reads the proof JSON the log writes, strictly: any other shape is an <see cref="ArgumentException"/> saying what is wrong.</summary>
internal static class ProofJson
{
    public static (long Index, byte[] Leaf, byte[][] Proof) ReadInclusion(string json, string paramName)
    {
        using var document = Parse(json, paramName);
        var root = document.RootElement;
        if (!root.TryGetProperty("index", out var index) || index.ValueKind != JsonValueKind.Number || !index.TryGetInt64(out var n) || n < 0)
        {
            throw Malformed(paramName, "\"index\" is missing or not a whole number of 0 or more");
        }

        if (!root.TryGetProperty("leaf", out var leaf) || leaf.ValueKind != JsonValueKind.String || !leaf.TryGetBytesFromBase64(out var leafBytes))
        {
            throw Malformed(paramName, "\"leaf\" is missing or not base64");
        }

        return (n, leafBytes, Hashes(root, paramName));
    }

    public static byte[][] ReadConsistency(string json, string paramName)
    {
        using var document = Parse(json, paramName);
        return Hashes(document.RootElement, paramName);
    }

    private static JsonDocument Parse(string json, string paramName)
    {
        ArgumentNullException.ThrowIfNull(json, paramName);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The proof is not JSON: {e.Message}", paramName, e);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw Malformed(paramName, "it is not a JSON object");
        }

        return document;
    }

    private static byte[][] Hashes(JsonElement root, string paramName)
    {
        if (!root.TryGetProperty("proof", out var proof) || proof.ValueKind != JsonValueKind.Array || proof.GetArrayLength() > 128)
        {
            throw Malformed(paramName, "\"proof\" is missing or not an array of at most 128 hashes");
        }

        var hashes = new byte[proof.GetArrayLength()][];
        var i = 0;
        foreach (var item in proof.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !item.TryGetBytesFromBase64(out var hash) || hash.Length != MerkleHashing.HashSize)
            {
                throw Malformed(paramName, $"proof[{i}] is not the base64 of a 32-byte hash");
            }

            hashes[i++] = hash;
        }

        return hashes;
    }

    private static ArgumentException Malformed(string paramName, string problem) =>
        new($"The proof is malformed: {problem}. Give the proof JSON as the log writes it.", paramName);
}
