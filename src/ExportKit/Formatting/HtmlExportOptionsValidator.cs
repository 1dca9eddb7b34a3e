using ExportKit.Formats;
using Microsoft.Extensions.Options;

namespace ExportKit.Formatting;

/// <summary>Checks at start-up that <see cref="HtmlExportOptions.Template"/> parses, naming each error's line and column.</summary>
internal sealed class HtmlExportOptionsValidator : IValidateOptions<HtmlExportOptions>
{
    public ValidateOptionsResult Validate(string? name, HtmlExportOptions options) =>
        FormatValidation.Result([FormatOptionsFailures.Of(() => ExportFormatters.Html(options))]);
}
