using System.Security.Cryptography;

namespace ExportKit.Engine.Destinations;

/// <summary>
/// A file in a directory: written to a hidden partial file, flushed to disk, and renamed to its final name only when
/// the export succeeded. An existing file of that name is never overwritten; if it holds exactly these bytes (a
/// reproducible export repeated) it is kept as it is.
/// </summary>
internal sealed class DirectoryDestination : ExportDestination
{
    private readonly string partial;
    private readonly FileStream file;
    private string? placed;
    private bool placedExisted;

    private DirectoryDestination(string directory, string partial, FileStream file)
    {
        Directory = directory;
        this.partial = partial;
        this.file = file;
        Stream = new GuardedStream(file);
    }

    public override Stream Stream { get; }

    /// <summary>Gets the full path of the directory.</summary>
    public string Directory { get; }

    public override long Start => 0;

    /// <summary>Gets how many stale partial files <see cref="Open"/> removed from the directory.</summary>
    public int StaleFilesRemoved { get; private init; }

    /// <summary>Creates the directory when missing, removes stale partial files, and opens a new partial file.</summary>
    /// <exception cref="IOException">The directory or the file cannot be created.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory is not writable.</exception>
    public static DirectoryDestination Open(string directory, TimeSpan stalePartialFileAge)
    {
        var full = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(full);
        var removed = PartialFiles.RemoveStale(full, stalePartialFileAge);
        var partial = Path.Combine(full, PartialFiles.NewName());
        var file = new FileStream(partial, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
        return new DirectoryDestination(full, partial, file) { StaleFilesRemoved = removed };
    }

    public override async ValueTask<string?> PlaceAsync(string fileName, CancellationToken cancellationToken)
    {
        var final = Path.Combine(Directory, fileName);
        try
        {
            await file.FlushAsync(CancellationToken.None).ConfigureAwait(false);
#pragma warning disable CA1849 // Flushing to disk (fsync) has no asynchronous form.
            file.Flush(flushToDisk: true);
#pragma warning restore CA1849
            if (File.Exists(final))
            {
                await KeepIdenticalAsync(final).ConfigureAwait(false);
                placedExisted = true;
                placed = final;
                return final;
            }

            await file.DisposeAsync().ConfigureAwait(false);
            File.Move(partial, final, overwrite: false);
            placed = final;
            return final;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DestinationFailedException(ex);
        }
    }

    public override async ValueTask<string?> DiscardAsync()
    {
        await DisposeAsync().ConfigureAwait(false);
        var problems = new List<string>();
        TryDelete(partial, problems, "the next export to this directory removes it");
        if (placed is not null && !placedExisted)
        {
            TryDelete(placed, problems, "no record names it; remove it by hand");
        }

        return problems.Count == 0 ? null : string.Join(" ", problems);
    }

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await file.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Disposing flushes; on a full disk that fails, and the attempt is already being discarded or reported.
        }
    }

    private async Task KeepIdenticalAsync(string final)
    {
        file.Position = 0;
        var ours = await SHA256.HashDataAsync(file).ConfigureAwait(false);
        byte[] theirs;
        var existing = new FileStream(final, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await using (existing.ConfigureAwait(false))
        {
            theirs = await SHA256.HashDataAsync(existing).ConfigureAwait(false);
        }

        if (!ours.AsSpan().SequenceEqual(theirs))
        {
            throw new IOException($"'{final}' already exists with other content; ExportKit never overwrites a file. Export to another directory, or use a new export id.");
        }

        await file.DisposeAsync().ConfigureAwait(false);
        File.Delete(partial);
    }

    private static void TryDelete(string path, List<string> problems, string then)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"'{path}' could not be removed ({ex.Message}); {then}.");
        }
    }
}
