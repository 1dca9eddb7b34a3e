using System.Text.Json;

namespace ExportKit.Formats.Tests.Json;

/// <summary>
/// Reads JSON token by token and lists every key that appears twice in one object, with its path: a check that
/// <see cref="JsonDocument"/> and most serialisers do not make (they keep the first or the last value silently).
/// </summary>
internal static class DuplicateKeys
{
    public static List<string> Find(ReadOnlySpan<byte> json)
    {
        var duplicates = new List<string>();
        var objects = new Stack<HashSet<string>>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects.Push(new HashSet<string>(StringComparer.Ordinal));
                    break;
                case JsonTokenType.EndObject:
                    objects.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    if (!objects.Peek().Add(name))
                    {
                        duplicates.Add($"'{name}' at byte {reader.TokenStartIndex}");
                    }

                    break;
            }
        }

        return duplicates;
    }
}
