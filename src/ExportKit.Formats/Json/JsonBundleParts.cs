using System.Text.Json;

namespace ExportKit.Formats.Json;

/// <summary>Writes the fixed-shape parts of a bundle: scope, time ranges, a section's header, metadata.</summary>
internal static class JsonBundleParts
{
    public static void WriteScope(Utf8JsonWriter writer, ExportScope scope)
    {
        writer.WriteStartObject("scope");
        writer.WriteString("tenantId", scope.TenantId);
        writer.WriteString("facilityId", scope.FacilityId);
        writer.WriteString("federationId", scope.FederationId);
        writer.WriteEndObject();
    }

    public static void WriteTimeRange(Utf8JsonWriter writer, string propertyName, ExportTimeRange range)
    {
        writer.WriteStartObject(propertyName);
        WriteInstant(writer, "start", range.Start);
        WriteInstant(writer, "end", range.End);
        writer.WriteEndObject();
    }

    public static void WriteInstant(Utf8JsonWriter writer, string propertyName, DateTimeOffset instant)
    {
        writer.WritePropertyName(propertyName);
        WriteInstantValue(writer, instant);
    }

    public static void WriteInstant(Utf8JsonWriter writer, JsonEncodedText propertyName, DateTimeOffset instant)
    {
        writer.WritePropertyName(propertyName);
        WriteInstantValue(writer, instant);
    }

    // Formatted on the stack: an instant per item would otherwise be a string per item.
    public static void WriteInstantValue(Utf8JsonWriter writer, DateTimeOffset instant)
    {
        Span<char> text = stackalloc char[ExportValueText.InstantLength + 8];
        ExportValueText.TryFormatInstant(instant, text, out var length);
        writer.WriteStringValue(text[..length]);
    }

    public static void WriteStrings(Utf8JsonWriter writer, string propertyName, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(propertyName);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>Opens the section's object and writes everything before its items.</summary>
    public static void WriteSectionHeader(Utf8JsonWriter writer, ExportSection section)
    {
        writer.WriteStartObject();
        writer.WriteString("sectionId", section.SectionId);
        writer.WriteString("title", section.Title);
        writer.WriteString("description", section.Description);
        writer.WriteString("dataSource", section.DataSource);
        writer.WriteString("summary", section.Summary.Text);
        writer.WriteStartObject("counts");
        WriteCounts(writer, "bySeverity", section.Summary.BySeverity);
        WriteCounts(writer, "byStatus", section.Summary.ByStatus);
        writer.WriteEndObject();
        writer.WriteNumber("itemCount", section.ItemCount);
        WriteInstant(writer, "generatedAt", section.GeneratedAt);
    }

    public static void WriteMetadata(Utf8JsonWriter writer, ExportMetadata metadata)
    {
        writer.WriteStartObject("metadata");
        WriteInstant(writer, "generatedAt", metadata.GeneratedAt);
        writer.WriteString("generatedBy", metadata.GeneratedBy);
        writer.WriteString("format", metadata.Format.Value);
        writer.WriteNumber("totalSections", metadata.TotalSections);
        writer.WriteNumber("totalItems", metadata.TotalItems);
        writer.WriteNumber("estimatedSizeBytes", metadata.EstimatedSizeBytes);
        WriteStrings(writer, "dataSourcesUsed", metadata.DataSourcesUsed);
        WriteTimeRange(writer, "timeRange", metadata.TimeRange);
        writer.WriteNumber("computationTimeMs", metadata.ComputationTimeMs);
        writer.WriteBoolean("compressed", metadata.Compressed);
        writer.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter writer, string propertyName, IReadOnlyList<SummaryCount> counts)
    {
        writer.WriteStartObject(propertyName);
        foreach (var count in counts)
        {
            writer.WriteNumber(count.Key, count.Count);
        }

        writer.WriteEndObject();
    }
}
