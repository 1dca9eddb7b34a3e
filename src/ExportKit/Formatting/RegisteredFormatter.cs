namespace ExportKit.Formatting;

/// <summary>
/// Stands inside a ZIP or auditor package for the engine's formatter of one format, looked up when it writes — so the
/// host's formatter, or the built-in one with the host's options, writes the bundle's inner files.
/// </summary>
internal sealed class RegisteredFormatter(ExportFormatterSet set, ExportFormat format) : IExportFormatter
{
    public ExportFormat Format => format;

    public Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken)
    {
        var formatter = set.Find(format) ?? throw new InvalidOperationException($"No formatter is registered for format '{format}', which a bundle format writes inside; register one with AddFormatter.");
        return formatter.WriteAsync(bundle, destination, cancellationToken);
    }
}
