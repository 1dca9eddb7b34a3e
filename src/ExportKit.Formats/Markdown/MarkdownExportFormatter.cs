using System.Globalization;
using System.Text;

namespace ExportKit.Formats.Markdown;

/// <summary>
/// Writes a bundle as CommonMark in the specification's layout: title, metadata block, description, then per
/// section its title, description, data source, summary and first <see cref="MaxItemsPerSection"/> items with
/// the count of the rest, then the export metadata. It reads no item past the tenth of a section, so the output
/// and the work are bounded by the number of sections. UTF-8 without a byte order mark, <c>\n</c> line endings.
/// </summary>
internal sealed class MarkdownExportFormatter : IExportFormatter
{
    /// <summary>How many items of each section are written.</summary>
    internal const int MaxItemsPerSection = 10;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public ExportFormat Format => ExportFormat.Markdown;

    public async Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written to: pass a writable stream.", nameof(destination));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var writer = new StreamWriter(destination, Utf8NoBom, 16 * 1024, leaveOpen: true) { NewLine = "\n" };
        await using (writer.ConfigureAwait(false))
        {
            var text = new StringBuilder(4096);
            MarkdownBundleParts.AppendHeader(text, bundle);
            await WriteAsync(writer, text, cancellationToken).ConfigureAwait(false);
            foreach (var section in bundle.Sections)
            {
                await AppendSectionAsync(text, section, cancellationToken).ConfigureAwait(false);
                await WriteAsync(writer, text, cancellationToken).ConfigureAwait(false);
            }

            MarkdownBundleParts.AppendMetadata(text, bundle);
            await WriteAsync(writer, text, cancellationToken).ConfigureAwait(false);
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(StreamWriter writer, StringBuilder text, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        text.Clear();
    }

    private static async Task AppendSectionAsync(StringBuilder text, ExportSection section, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        MarkdownBundleParts.AppendSectionHeader(text, section);
        long shown = 0;
        await foreach (var item in section.Items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (shown == section.ItemCount)
            {
                throw SectionCountMismatch.Error(section, "more than");
            }

            MarkdownItemWriter.Append(text, item);
            if (++shown == MaxItemsPerSection)
            {
                break; // the rest are counted, never read
            }
        }

        if (shown < Math.Min(MaxItemsPerSection, section.ItemCount))
        {
            throw SectionCountMismatch.Error(section, string.Create(CultureInfo.InvariantCulture, $"only {shown} of"));
        }

        var remaining = section.ItemCount - shown;
        if (section.ItemCount == 0)
        {
            text.Append("*No items\\.*\n\n");
        }
        else if (remaining > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"*… and {remaining} more {(remaining == 1 ? "item" : "items")}*\n\n");
        }

        text.Append("---\n\n");
    }
}
