using ExportKit.Formats.Text;
using Scriban.Runtime;

namespace ExportKit.Formats.Html;

/// <summary>
/// Builds what the template sees: the bundle's header, sections and metadata with snake_case names, every string
/// cleaned (<see cref="HtmlText.Clean"/>) but not encoded, and every one except the descriptions on one line
/// (<see cref="LineText.OneLine"/>: a template may put any of them in <c>&lt;title&gt;</c> or an attribute), instants as UTC ISO-8601 strings. A section's
/// <c>rows</c> is a marker that <see cref="HtmlTemplate"/> later replaces with the streamed rows.
/// </summary>
internal static class HtmlPageModel
{
    public static ScriptObject Create(ExportBundle bundle, Func<int, string> rowsMarker)
    {
        var sections = new ScriptArray();
        for (var i = 0; i < bundle.Sections.Count; i++)
        {
            sections.Add(Section(bundle.Sections[i], i + 1, rowsMarker(i)));
        }

        var model = new ScriptObject
        {
            ["bundle_id"] = Line(bundle.BundleId),
            ["export_id"] = Line(bundle.ExportId),
            ["title"] = Line(bundle.Title),
            ["description"] = HtmlText.Clean(bundle.Description),
            ["category"] = Line(bundle.Category.Value),
            ["format"] = Line(bundle.Format.Value),
            ["scope"] = new ScriptObject
            {
                ["tenant_id"] = Line(bundle.Scope.TenantId),
                ["facility_id"] = CleanOrNull(bundle.Scope.FacilityId),
                ["federation_id"] = CleanOrNull(bundle.Scope.FederationId),
            },
            ["time_range"] = TimeRange(bundle.TimeRange),
            ["references"] = Strings(bundle.References),
            ["sections"] = sections,
            ["metadata"] = Metadata(bundle.Metadata),
        };
        var globals = new ScriptObject { ["bundle"] = model };
        return globals;
    }

    private static ScriptObject Section(ExportSection section, int number, string rows) => new()
    {
        ["number"] = number,
        ["section_id"] = Line(section.SectionId),
        ["title"] = Line(section.Title),
        ["description"] = HtmlText.Clean(section.Description),
        ["data_source"] = Line(section.DataSource),
        ["summary"] = Line(section.Summary.Text),
        ["by_severity"] = Counts(section.Summary.BySeverity),
        ["by_status"] = Counts(section.Summary.ByStatus),
        ["item_count"] = section.ItemCount,
        ["generated_at"] = ExportValueText.FormatInstant(section.GeneratedAt),
        ["rows"] = rows,
    };

    private static ScriptObject Metadata(ExportMetadata metadata) => new()
    {
        ["generated_at"] = ExportValueText.FormatInstant(metadata.GeneratedAt),
        ["generated_by"] = Line(metadata.GeneratedBy),
        ["format"] = Line(metadata.Format.Value),
        ["total_sections"] = metadata.TotalSections,
        ["total_items"] = metadata.TotalItems,
        ["estimated_size_bytes"] = metadata.EstimatedSizeBytes,
        ["data_sources_used"] = Strings(metadata.DataSourcesUsed),
        ["time_range"] = TimeRange(metadata.TimeRange),
        ["computation_time_ms"] = metadata.ComputationTimeMs,
        ["compressed"] = metadata.Compressed,
    };

    private static ScriptObject TimeRange(ExportTimeRange range) => new()
    {
        ["start"] = ExportValueText.FormatInstant(range.Start),
        ["end"] = ExportValueText.FormatInstant(range.End),
    };

    private static ScriptArray Strings(IReadOnlyList<string> values)
    {
        var array = new ScriptArray(values.Count);
        foreach (var value in values)
        {
            array.Add(Line(value));
        }

        return array;
    }

    private static ScriptArray Counts(IReadOnlyList<SummaryCount> counts)
    {
        var array = new ScriptArray(counts.Count);
        foreach (var count in counts)
        {
            array.Add(new ScriptObject { ["key"] = Line(count.Key), ["count"] = count.Count });
        }

        return array;
    }

    private static string? CleanOrNull(string? value) => value is null ? null : Line(value);

    // A one-line value: the title (also the page's <title>), ids, scope, data sources, summaries.
    private static string Line(string? value) => HtmlText.Clean(LineText.OneLine(value));
}
