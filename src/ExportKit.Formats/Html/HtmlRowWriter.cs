using System.Globalization;
using System.Text;

namespace ExportKit.Formats.Html;

/// <summary>
/// Writes an item as one table row by hand: item id, type, timestamp, and its fields as a definition list (nested
/// objects as nested lists). Every value is HTML-encoded. This is the hot loop, so it never goes through Scriban.
/// </summary>
internal static class HtmlRowWriter
{
    public static void Append(StringBuilder builder, ExportItem item)
    {
        builder.Append("<tr><td class=\"item-id\">");
        HtmlText.Append(builder, item.ItemId);
        builder.Append("</td><td class=\"item-type\">");
        HtmlText.Append(builder, item.ItemType);
        builder.Append("</td><td class=\"timestamp\">");
        Span<char> instant = stackalloc char[ExportValueText.InstantLength + 8];
        ExportValueText.TryFormatInstant(item.Timestamp, instant, out var instantLength);
        builder.Append(instant[..instantLength]);
        builder.Append("</td><td>");
        AppendFields(builder, item, item.Data, path: null);
        builder.Append("</td></tr>\n");
    }

    /// <summary>The last row of a section longer than the page shows: how many items are left out, and where they are.</summary>
    public static void AppendMore(StringBuilder builder, long remaining, int shown) => builder.Append(string.Create(
        CultureInfo.InvariantCulture,
        $"<tr class=\"more\"><td colspan=\"4\">{remaining:N0} more {(remaining == 1 ? "item is" : "items are")} not shown: this page shows the first {shown:N0} items of each section. The JSON and CSV exports of this bundle hold every item.</td></tr>\n"));

    // Numbers and instants hold nothing to encode; formatted on the stack, not as a string per value.
    private static void AppendScalar(StringBuilder builder, object value)
    {
        Span<char> text = stackalloc char[64];
        ExportValueText.TryFormatScalar(value, text, out var length);
        builder.Append(text[..length]);
    }

    private static void AppendFields(StringBuilder builder, ExportItem item, IReadOnlyList<ExportField> fields, string? path)
    {
        FieldNames.ThrowIfDuplicate(item, fields, path);
        builder.Append("<dl class=\"details\">");
        for (var index = 0; index < fields.Count; index++)
        {
            var field = fields[index];
            var fieldPath = path is null ? field.Name : path + "." + field.Name;
            builder.Append("<dt>");
            HtmlText.Append(builder, field.Name);
            builder.Append("</dt>");
            AppendValue(builder, item, field.Value, fieldPath);
        }

        builder.Append("</dl>");
    }

    private static void AppendValue(StringBuilder builder, ExportItem item, object? value, string fieldPath)
    {
        switch (value)
        {
            case null:
                builder.Append("<dd class=\"null\">null</dd>");
                break;
            case string s:
                builder.Append("<dd>");
                HtmlText.Append(builder, s);
                builder.Append("</dd>");
                break;
            case IReadOnlyList<ExportField> nested:
                builder.Append("<dd>");
                AppendFields(builder, item, nested, fieldPath);
                builder.Append("</dd>");
                break;
            case bool or int or long or double or decimal or DateTimeOffset:
                builder.Append("<dd>");
                AppendScalar(builder, value);
                builder.Append("</dd>");
                break;

            // No other value reaches a formatter: ExportField refuses it when the field is made (see ExportValueText).
        }
    }
}
