using ExportKit.Engine;

namespace ExportKit;

/// <summary>Writes exports to files without ever leaving a partial file behind.</summary>
public static class ExportEngineFileExtensions
{
    /// <summary>
    /// Runs an export into a directory. The export is written to a hidden partial file there, flushed to disk, and
    /// renamed to <see cref="ExportResult.FileName"/> only when it succeeded; it is recorded (registry, audit trail,
    /// export log) only after that. On any failure — the directory cannot be created or written, the disk is full, a
    /// store refuses a record, the export is cancelled — no file remains and the result says why. An existing file is
    /// never overwritten (one holding exactly the same bytes, a reproducible export repeated, is kept). Partial files
    /// a killed process left behind are removed by the next export to the directory once older than
    /// <see cref="ExportKitOptions.StalePartialFileAge"/>.
    /// </summary>
    /// <param name="engine">The engine.</param>
    /// <param name="query">What to export.</param>
    /// <param name="principal">Who asks.</param>
    /// <param name="directory">The directory; created when missing.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The outcome; when it succeeded the file is <c>Path.Combine(directory, result.FileName)</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is empty.</exception>
    /// <remarks>
    /// An <see cref="IExportEngine"/> that ExportKit did not build (a host's decorator) records its exports inside
    /// <see cref="IExportEngine.ExportAsync"/>, before the file can be renamed; for it this method only writes
    /// through a partial file and renames it on success.
    /// </remarks>
    public static Task<ExportResult> ExportToDirectoryAsync(this IExportEngine engine, ExportQuery query, ExportPrincipal? principal, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return engine is ExportEngine own
            ? own.ExportToDirectoryAsync(query, principal, directory, cancellationToken)
            : ExportThroughPartialFileAsync(engine, query, principal, directory, cancellationToken);
    }

    private static async Task<ExportResult> ExportThroughPartialFileAsync(IExportEngine engine, ExportQuery query, ExportPrincipal? principal, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var partial = Path.Combine(directory, Engine.Destinations.PartialFiles.NewName());
        try
        {
            ExportResult result;
            var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
            await using (stream.ConfigureAwait(false))
            {
                result = await engine.ExportAsync(query, principal, stream, cancellationToken).ConfigureAwait(false);
            }

            if (result.Succeeded)
            {
                File.Move(partial, Path.Combine(directory, result.FileName), overwrite: false);
            }

            return result;
        }
        finally
        {
            File.Delete(partial);
        }
    }
}
