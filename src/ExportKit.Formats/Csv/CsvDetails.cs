using System.Text;

namespace ExportKit.Formats.Csv;

/// <summary>
/// Writes an item's data as the text of the Details column: <c>key=value</c> pairs in field order joined by
/// <c>"; "</c>; a nested object as <c>{key=value; key=value}</c>; <see langword="null"/> as an empty value; other
/// values as <see cref="ExportValueText.ToInvariantString"/> writes them. Inside keys and text values a backslash goes
/// before every <c>\</c>, <c>;</c>, <c>=</c>, <c>{</c> and <c>}</c>, and before an apostrophe that would start the cell,
/// so every unescaped <c>;</c>, <c>=</c>, <c>{</c> and <c>}</c> is structure and the text parses back to the same keys
/// and values; a cell that starts with an apostrophe was neutralised by <see cref="CsvFormulaGuard"/>.
/// </summary>
internal static class CsvDetails
{
    private static readonly System.Buffers.SearchValues<char> Special = System.Buffers.SearchValues.Create("\\;={}");

    public static void Append(StringBuilder builder, ExportItem item)
    {
        var start = builder.Length;
        AppendFields(builder, item, item.Data, path: null);
        if (builder.Length > start && builder[start] == '\'')
        {
            builder.Insert(start, '\\');
        }
    }

    private static void AppendFields(StringBuilder builder, ExportItem item, IReadOnlyList<ExportField> fields, string? path)
    {
        FieldNames.ThrowIfDuplicate(item, fields, path);
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                builder.Append("; ");
            }

            var field = fields[i];
            var name = field.Name ?? string.Empty;
            AppendEscaped(builder, name);
            builder.Append('=');
            AppendValue(builder, item, field.Value, path is null ? name : path + "." + name);
        }
    }

    private static void AppendValue(StringBuilder builder, ExportItem item, object? value, string fieldPath)
    {
        switch (value)
        {
            case null:
                break;
            case IReadOnlyList<ExportField> fields:
                builder.Append('{');
                AppendFields(builder, item, fields, fieldPath);
                builder.Append('}');
                break;
            case string text:
                AppendEscaped(builder, text);
                break;
            case bool or int or long or double or decimal or DateTimeOffset:
                // Formatted on the stack: a string per value would be the formatter's main allocation.
                Span<char> scalar = stackalloc char[64];
                ExportValueText.TryFormatScalar(value, scalar, out var length);
                AppendEscaped(builder, scalar[..length]);
                break;

            // No other value reaches a formatter: ExportField refuses it when the field is made (see ExportValueText).
        }
    }

    private static void AppendEscaped(StringBuilder builder, ReadOnlySpan<char> text)
    {
        if (text.IndexOfAny(Special) < 0)
        {
            builder.Append(text);
            return;
        }

        foreach (var c in text)
        {
            if (c is '\\' or ';' or '=' or '{' or '}')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }
    }
}
