using ExportKit.Formats;
using Microsoft.Extensions.Options;

namespace ExportKit.Formatting;

/// <summary>Checks <see cref="ZipExportOptions"/> at start-up, listing every problem.</summary>
internal sealed class ZipExportOptionsValidator : IValidateOptions<ZipExportOptions>
{
    public ValidateOptionsResult Validate(string? name, ZipExportOptions options)
    {
        string?[] problems =
        [
            Enum.IsDefined(options.CompressionLevel) ? null : $"ZipExportOptions.CompressionLevel is {(int)options.CompressionLevel}, which is not a CompressionLevel: use Optimal, Fastest, NoCompression or SmallestSize.",
            FormatOptionsFailures.WrongFormat("ZipExportOptions.Json", options.Json, ExportFormat.Json),
            FormatOptionsFailures.WrongFormat("ZipExportOptions.Csv", options.Csv, ExportFormat.Csv),
            FormatOptionsFailures.WrongFormat("ZipExportOptions.Html", options.Html, ExportFormat.Html),
        ];
        return FormatValidation.Result(problems);
    }
}
