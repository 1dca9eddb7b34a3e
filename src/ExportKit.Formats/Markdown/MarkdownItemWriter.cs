using System.Globalization;
using System.Text;

namespace ExportKit.Formats.Markdown;

/// <summary>Writes one item: <c>### id</c>, its type and instant, and its fields as <c>- **name**: value</c> bullets.</summary>
internal static class MarkdownItemWriter
{
    public static void Append(StringBuilder builder, ExportItem item)
    {
        builder.Append("### ");
        MarkdownText.Append(builder, item.ItemId);
        builder.Append("\n\n*");
        MarkdownText.Append(builder, item.ItemType);
        builder.Append(" at ").Append(ExportValueText.FormatInstant(item.Timestamp)).Append("*\n\n");
        if (item.Data.Count > 0)
        {
            AppendFields(builder, item, item.Data, path: null, indent: 0);
            builder.Append('\n');
        }
    }

    private static void AppendFields(StringBuilder builder, ExportItem item, IReadOnlyList<ExportField> fields, string? path, int indent)
    {
        FieldNames.ThrowIfDuplicate(item, fields, path);
        foreach (var field in fields)
        {
            var fieldPath = path is null ? field.Name : path + "." + field.Name;
            builder.Append(' ', indent).Append("- **");
            var labelStart = builder.Length;
            MarkdownText.Append(builder, field.Name);
            if (builder.Length == labelStart)
            {
                builder.Append("\\(unnamed\\)");
            }

            builder.Append("**:");
            AppendValue(builder, item, field.Value, fieldPath, indent);
        }
    }

    private static void AppendValue(StringBuilder builder, ExportItem item, object? value, string fieldPath, int indent)
    {
        switch (value)
        {
            case null:
                builder.Append(" *null*\n");
                break;
            case string s:
                var start = builder.Length;
                builder.Append(' ');
                MarkdownText.Append(builder, s);
                if (builder.Length == start + 1)
                {
                    builder.Length = start;
                }

                builder.Append('\n');
                break;
            case IReadOnlyList<ExportField> nested:
                builder.Append('\n');
                AppendFields(builder, item, nested, fieldPath, indent + 2);
                break;
            case bool or int or long or double or decimal or DateTimeOffset:
                // Formatted by ExportKit, not written by a user: digits, signs, '.', 'E', ':', 'T', 'Z' and words
                // that cannot start any Markdown construct in the middle of a line.
                builder.Append(' ').Append(ExportValueText.ToInvariantString(value)).Append('\n');
                break;

            // No other value reaches a formatter: ExportField refuses it when the field is made (see ExportValueText).
        }
    }
}
