using ExportKit.Formats;
using Microsoft.Extensions.Options;

namespace ExportKit.Formatting;

/// <summary>Checks <see cref="AuditorPackageOptions"/> at start-up, listing every problem.</summary>
internal sealed class AuditorPackageOptionsValidator : IValidateOptions<AuditorPackageOptions>
{
    public ValidateOptionsResult Validate(string? name, AuditorPackageOptions options)
    {
        // The formatter's own check lists the organisation's and the compression level's problems in one message.
        var own = new AuditorPackageOptions { SourceOrganization = options.SourceOrganization, CompressionLevel = options.CompressionLevel };
        string?[] problems =
        [
            FormatOptionsFailures.Of(() => ExportFormatters.AuditorPackage(own)),
            FormatOptionsFailures.WrongFormat("AuditorPackageOptions.Json", options.Json, ExportFormat.Json),
            FormatOptionsFailures.WrongFormat("AuditorPackageOptions.Csv", options.Csv, ExportFormat.Csv),
        ];
        return FormatValidation.Result(problems);
    }
}
