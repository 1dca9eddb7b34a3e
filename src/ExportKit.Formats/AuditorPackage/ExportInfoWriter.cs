using System.Text.Json;
using ExportKit.Formats.Json;

namespace ExportKit.Formats.AuditorPackage;

/// <summary>Writes <c>data/metadata/export-info.json</c>: the bundle's header, sections and metadata, without items.</summary>
internal static class ExportInfoWriter
{
    public static async Task WriteAsync(ExportBundle bundle, PackageLayout layout, Stream destination, CancellationToken cancellationToken)
    {
        var writer = JsonExportFormatter.CreateWriter(destination);
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
            foreach (var files in layout.Sections)
            {
                var section = files.Section;
                writer.WriteStartObject();
                writer.WriteString("sectionId", section.SectionId);
                writer.WriteString("title", section.Title);
                writer.WriteString("dataSource", section.DataSource);
                writer.WriteNumber("itemCount", section.ItemCount);
                writer.WriteString("summary", section.Summary.Text);
                JsonBundleParts.WriteStrings(writer, "files", ["data/" + files.JsonPath, "data/" + files.CsvPath]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            JsonBundleParts.WriteStrings(writer, "references", bundle.References);
            JsonBundleParts.WriteMetadata(writer, bundle.Metadata);
            writer.WriteEndObject();
            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
