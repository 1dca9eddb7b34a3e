using System.Text.Json;

namespace ExportKit.Formats.Json;

/// <summary>
/// Writes a bundle as pretty-printed JSON with <see cref="Utf8JsonWriter"/> as the items stream: the property
/// order is fixed, instants are UTC ISO-8601 strings, numbers are written culture-free, so the same bundle gives
/// the same bytes on any machine, culture or time zone.
/// </summary>
internal sealed class JsonExportFormatter : IExportFormatter
{
    /// <summary>Bytes the writer may hold before they are flushed to the destination.</summary>
    internal const int FlushThreshold = 16 * 1024;

    /// <summary>The layout every JSON file of ExportKit shares (the auditor package's metadata too).</summary>
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
#if NET9_0_OR_GREATER
        IndentCharacter = ' ',
        IndentSize = 2,
        NewLine = "\n",
#endif
        // On net8.0 the indent is fixed at two spaces and the line ending is Environment.NewLine ("\r\n" on Windows):
        // CreateWriter drops the CR bytes there, so the bytes are the same on every operating system.
    };

    public ExportFormat Format => ExportFormat.Json;

    /// <summary>A writer with the shared layout; on net8.0 its output loses CR bytes, so lines end with "\n" everywhere.</summary>
    internal static Utf8JsonWriter CreateWriter(Stream destination) =>
#if NET9_0_OR_GREATER
        new(destination, WriterOptions);
#else
        new(new CarriageReturnFilterStream(destination), WriterOptions);
#endif

    public async Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream cannot be written to: pass a writable stream.", nameof(destination));
        }

        var writer = CreateWriter(destination);
        await using (writer.ConfigureAwait(false))
        {
            writer.WriteStartObject();
            writer.WriteString("bundleId", bundle.BundleId);
            writer.WriteString("exportId", bundle.ExportId);
            writer.WriteString("title", bundle.Title);
            writer.WriteString("description", bundle.Description);
            writer.WriteString("category", bundle.Category.Value);
            writer.WriteString("format", bundle.Format.Value);
            JsonBundleParts.WriteScope(writer, bundle.Scope);
            JsonBundleParts.WriteTimeRange(writer, "timeRange", bundle.TimeRange);
            writer.WriteStartArray("sections");
            foreach (var section in bundle.Sections)
            {
                await WriteSectionAsync(writer, section, cancellationToken).ConfigureAwait(false);
            }

            writer.WriteEndArray();
            JsonBundleParts.WriteStrings(writer, "references", bundle.References);
            JsonBundleParts.WriteMetadata(writer, bundle.Metadata);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteSectionAsync(Utf8JsonWriter writer, ExportSection section, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        JsonBundleParts.WriteSectionHeader(writer, section);
        writer.WriteStartArray("items");
        long written = 0;
        await foreach (var item in section.Items.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (++written > section.ItemCount)
            {
                throw SectionCountMismatch.Error(section, "more than");
            }

            JsonItemWriter.Write(writer, item);
            if (writer.BytesPending > FlushThreshold)
            {
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        if (written != section.ItemCount)
        {
            throw SectionCountMismatch.Error(section, FormattableString.Invariant($"only {written} of"));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
