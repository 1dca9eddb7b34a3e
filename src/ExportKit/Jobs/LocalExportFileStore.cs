using System.Security.Cryptography;
using ExportKit.Engine.Destinations;
using Microsoft.Extensions.Options;

namespace ExportKit.Jobs;

/// <summary>
/// Job files in a local directory (<see cref="ExportJobOptions.StorageDirectory"/>). A file is written to a hidden,
/// owner-only partial file in the same directory (the engine's <see cref="PartialFiles"/>), flushed to disk and renamed
/// only when the write succeeded; partial files a killed process left are removed once stale. Paths are names inside
/// the directory; anything else is refused.
/// </summary>
internal sealed class LocalExportFileStore(IOptions<ExportJobOptions> options) : IExportFileStore
{
    private static readonly TimeSpan StalePartialAge = TimeSpan.FromHours(1);
    private readonly string directory = Path.GetFullPath(options.Value.StorageDirectory);
    private int swept;

    public async Task<ExportStoredFile> SaveAsync(string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(write);
        if (!ExportJobFileNames.IsSafe(fileName))
        {
            throw new ArgumentException($"'{fileName}' is not a file name made of ids (letters, digits, '.', '_', '-', not starting with '.').", nameof(fileName));
        }

        Directory.CreateDirectory(directory);
        if (Interlocked.Exchange(ref swept, 1) == 0)
        {
            PartialFiles.RemoveStale(directory, StalePartialAge);
        }

        var partial = Path.Combine(directory, PartialFiles.NewName());
        var final = Path.Combine(directory, fileName);
        try
        {
            long size;
            string sha256;
            var file = new FileStream(partial, NewFile());
            await using (file.ConfigureAwait(false))
            {
                await write(file, cancellationToken).ConfigureAwait(false);
                await file.FlushAsync(cancellationToken).ConfigureAwait(false);
#pragma warning disable CA1849 // Flushing to disk (fsync) has no asynchronous form.
                file.Flush(flushToDisk: true);
#pragma warning restore CA1849
                size = file.Length;
                file.Position = 0;
                sha256 = Convert.ToHexString(await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false)).ToLowerInvariant();
            }

            File.Move(partial, final, overwrite: false);
            return new ExportStoredFile { Path = fileName, SizeBytes = size, Sha256 = sha256 };
        }
        finally
        {
            File.Delete(partial);
        }
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        try
        {
            // FileShare.Read: nobody writes the file while it is checked and served.
            return Task.FromResult<Stream?>(new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default)
    {
        var full = Resolve(path);
        if (!File.Exists(full))
        {
            return Task.FromResult(false);
        }

        File.Delete(full);
        return Task.FromResult(true);
    }

    private static FileStreamOptions NewFile()
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 81920,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private string Resolve(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!ExportJobFileNames.IsSafe(path))
        {
            throw new ArgumentException($"'{path}' is not a file of this store: pass the Path that SaveAsync returned.", nameof(path));
        }

        return Path.Combine(directory, path);
    }
}
