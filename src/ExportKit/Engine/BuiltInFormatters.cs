using ExportKit.Formats;

namespace ExportKit.Engine;

/// <summary>The formatters every engine starts with; a host's own formatter for the same format replaces one.</summary>
internal static class BuiltInFormatters
{
    public static IExportFormatter[] Create() => [ExportFormatters.Json(), ExportFormatters.Csv(), ExportFormatters.Html(), ExportFormatters.Markdown(), ExportFormatters.Zip(), ExportFormatters.AuditorPackage()];
}
