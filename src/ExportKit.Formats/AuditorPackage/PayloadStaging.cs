using System.Buffers;
using ExportKit.Formats.BagIt;

namespace ExportKit.Formats.AuditorPackage;

/// <summary>
/// Keeps the payload files, one after another, in a private temporary file (deleted on close), hashing and counting each as it
/// is written. Memory holds one copy buffer, whatever the payload's size.
/// </summary>
internal sealed class PayloadStaging : IAsyncDisposable
{
    private readonly FileStream file;
    private readonly List<StagedFile> files = [];

    private PayloadStaging(FileStream file) => this.file = file;

    /// <summary>Gets the staged files, sorted ordinally by path.</summary>
    public IReadOnlyList<StagedFile> Files => [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)];

    /// <summary>Creates the staging file, private to this process (see <see cref="Staging.PrivateTemporaryFile"/>).</summary>
    /// <param name="directory">Where; the system's temporary directory when <see langword="null"/>.</param>
    public static PayloadStaging Create(string? directory) => new(Staging.PrivateTemporaryFile.Create(directory, "payload"));

    /// <summary>Stages one payload file, written by <paramref name="write"/> through a hashing pass-through stream.</summary>
    public async Task AddAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var offset = file.Position;
        var hashing = new HashingWriteStream(file);
        await using (hashing.ConfigureAwait(false))
        {
            await write(hashing, cancellationToken).ConfigureAwait(false);
            await hashing.FlushAsync(cancellationToken).ConfigureAwait(false);
            files.Add(new StagedFile(path, offset, hashing.BytesWritten, hashing.FinishSha256Hex()));
        }
    }

    public Task AddAsync(string path, byte[] content, CancellationToken cancellationToken) =>
        AddAsync(path, (stream, ct) => stream.WriteAsync(content, ct).AsTask(), cancellationToken);

    /// <summary>Copies a staged file's bytes to <paramref name="destination"/>.</summary>
    public async Task CopyToAsync(StagedFile staged, Stream destination, CancellationToken cancellationToken)
    {
        file.Position = staged.Offset;
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            for (var remaining = staged.Length; remaining > 0;)
            {
                var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new InvalidOperationException($"The staged payload file '{staged.Path}' ended early: the temporary file was changed while the package was written.");
                }

                await destination.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                remaining -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        file.Seek(0, SeekOrigin.End);
    }

    public ValueTask DisposeAsync() => file.DisposeAsync();
}
