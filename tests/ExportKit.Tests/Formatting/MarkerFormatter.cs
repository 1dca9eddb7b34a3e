using System.Text;

namespace ExportKit.Tests.Formatting;

/// <summary>A formatter that writes a fixed marker, to see which formatter an engine used.</summary>
internal sealed class MarkerFormatter(ExportFormat format, string marker) : IExportFormatter
{
    public ExportFormat Format => format;

    public Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken) =>
        destination.WriteAsync(Encoding.UTF8.GetBytes(marker), cancellationToken).AsTask();
}
