using ExportKit.Engine;

namespace ExportKit;

/// <summary>Writes exports to files without ever leaving a partial file behind.</summary>
public static class ExportEngineFileExtensions
{
    /// <summary>
    /// Runs an export into a directory. The export is written to a hidden temporary file there and renamed to
    /// <see cref="ExportResult.FileName"/> only when it succeeded; on any failure the temporary file is deleted.
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <param name="query">What to export.</param>
    /// <param name="principal">Who asks.</param>
    /// <param name="directory">The directory; created when missing.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The outcome; when it succeeded the file is <c>Path.Combine(directory, result.FileName)</c>.</returns>
    public static async Task<ExportResult> ExportToDirectoryAsync(this IExportEngine engine, ExportQuery query, ExportPrincipal? principal, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Guid.NewGuid().ToString("N") + ".partial");
        try
        {
            ExportResult result;
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                result = engine is ExportEngine own
                    ? await own.ExportAsync(query, principal, stream, fileName => Path.GetFullPath(Path.Combine(directory, fileName)), cancellationToken).ConfigureAwait(false)
                    : await engine.ExportAsync(query, principal, stream, cancellationToken).ConfigureAwait(false);
            }

            if (result.Succeeded)
            {
                File.Move(temporary, Path.Combine(directory, result.FileName!), overwrite: true);
            }

            return result;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
