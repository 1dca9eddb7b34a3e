namespace ExportKit.Jobs;

/// <summary>
/// Where job files are kept. A file is written through a private temporary file and put in place only when the write
/// succeeded, so a reader never sees a partial file. The default keeps them in a local directory
/// (<see cref="ExportJobOptions.StorageDirectory"/>); a host may register another (object storage, say).
/// </summary>
public interface IExportFileStore
{
    /// <summary>Writes a new file: <paramref name="write"/> fills a temporary file, which is put in place under <paramref name="fileName"/> when it returns; if it throws, nothing is kept and the exception propagates.</summary>
    /// <param name="fileName">The file's name, made of ids only (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>).</param>
    /// <param name="write">Writes the content to the stream it is given (left open for it).</param>
    /// <param name="cancellationToken">Cancels the write; nothing is kept.</param>
    /// <returns>The stored file, with its size and SHA-256.</returns>
    /// <exception cref="ArgumentException">The name is not made of ids only.</exception>
    /// <exception cref="IOException">A file of that name exists, or the store cannot be written.</exception>
    Task<ExportStoredFile> SaveAsync(string fileName, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken = default);

    /// <summary>Opens a stored file for reading; writers are shut out while it is open.</summary>
    /// <param name="path">The path <see cref="SaveAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>A readable, seekable stream, or <see langword="null"/> when the file is gone.</returns>
    Task<Stream?> OpenReadAsync(string path, CancellationToken cancellationToken = default);

    /// <summary>Deletes a stored file; deleting one that is gone does nothing.</summary>
    /// <param name="path">The path <see cref="SaveAsync"/> returned.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns><see langword="true"/> when a file was deleted, <see langword="false"/> when there was none.</returns>
    Task<bool> DeleteAsync(string path, CancellationToken cancellationToken = default);
}
