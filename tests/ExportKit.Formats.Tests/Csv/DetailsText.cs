using System.Text;

namespace ExportKit.Formats.Tests.Csv;

/// <summary>
/// The Details column's rule, implemented independently of the formatter from its documentation: pairs joined by
/// "; ", "key=value", nested objects in braces, a backslash before \ ; = { } (and a leading apostrophe).
/// Values are strings; nested objects are <see cref="Pair"/> lists.
/// </summary>
internal static class DetailsText
{
    public sealed record Pair(string Key, object Value)
    {
        public override string ToString() => Value is List<Pair> pairs ? $"{Key}={{{string.Join("; ", pairs)}}}" : $"{Key}={Value}";
    }

    /// <summary>What a field list should read back as: null as "", scalars as invariant text, nested objects as lists.</summary>
    public static List<Pair> Expected(IReadOnlyList<ExportField> fields) =>
        [.. fields.Select(f => new Pair(f.Name, f.Value is IReadOnlyList<ExportField> nested ? Expected(nested) : ExportValueText.ToInvariantString(f.Value)))];

    /// <summary>An unambiguous text of pairs for comparing them (records compare nested lists by reference).</summary>
    public static string Canonical(List<Pair> pairs) => System.Text.Json.JsonSerializer.Serialize(pairs);

    /// <summary>Escapes a key or value as the documentation says (without the leading-apostrophe rule).</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '\\' or ';' or '=' or '{' or '}')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    public static List<Pair> Parse(string text)
    {
        var position = 0;
        if (text.Length == 0)
        {
            return [];
        }

        var pairs = ParsePairs(text, ref position, nested: false);
        Assert.True(position == text.Length, $"Unparsed text at {position} of: {text}");
        return pairs;
    }

    private static List<Pair> ParsePairs(string text, ref int i, bool nested)
    {
        var pairs = new List<Pair>();
        if (nested && i < text.Length && text[i] == '}')
        {
            i++;
            return pairs;
        }

        while (true)
        {
            var key = ReadText(text, ref i);
            Assert.True(i < text.Length && text[i] == '=', $"Expected '=' after key '{key}' at {i} of: {text}");
            i++;
            object value;
            if (i < text.Length && text[i] == '{')
            {
                i++;
                value = ParsePairs(text, ref i, nested: true);
            }
            else
            {
                value = ReadText(text, ref i);
            }

            pairs.Add(new Pair(key, value));
            if (i == text.Length)
            {
                Assert.False(nested, $"Unclosed '{{' in: {text}");
                return pairs;
            }

            if (text[i] == ';')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == ' ', $"Expected a space after ';' at {i} of: {text}");
                i += 2;
                continue;
            }

            Assert.True(nested && text[i] == '}', $"Unexpected '{text[i]}' at {i} of: {text}");
            i++;
            return pairs;
        }
    }

    // Reads up to an unescaped structural character; a backslash takes the next character literally.
    private static string ReadText(string text, ref int i)
    {
        var builder = new StringBuilder();
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\')
            {
                Assert.True(i + 1 < text.Length, $"A backslash ends the text: {text}");
                builder.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c is ';' or '=' or '}')
            {
                break;
            }

            Assert.True(c != '{', $"Unescaped '{{' inside text at {i} of: {text}");
            builder.Append(c);
            i++;
        }

        return builder.ToString();
    }
}
