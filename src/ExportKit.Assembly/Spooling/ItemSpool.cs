namespace ExportKit.Assembly;

/// <summary>
/// The items of one export, read once from the sources and kept for the formatter, which may enumerate a section
/// several times (a ZIP writes it as JSON, CSV and HTML). Memory is bounded: items are held as objects until their
/// estimated size reaches a budget, and every later item is encoded (<see cref="ItemCodec"/>) into a private
/// temporary file in the host's temporary directory that is deleted when the spool is disposed (or, if a caller
/// forgets, when the file is finalised).
/// Once written the spool only grows; readers never change it, so several may read it at the same time.
/// </summary>
internal sealed class ItemSpool : IDisposable
{
    /// <summary>The default budget of held items: 8 MiB by estimate, about 15,000 items of ten fields.</summary>
    public const long DefaultMemoryBudget = 8L * 1024 * 1024;

    private readonly List<ExportItem> held = [];
    private readonly long memoryBudget;
    private readonly string? directory;
    private readonly ItemCodec.Writer encoder = new();
    private readonly CancellationTokenSource closing = new();
    private long heldBytes;
    private SpoolFile? file;
    private bool disposed;

    /// <param name="memoryBudget">How much (by estimate) is held in memory before items go to the file.</param>
    /// <param name="directory">Where the file is made; <see langword="null"/> for the system's temporary directory.</param>
    public ItemSpool(long memoryBudget = DefaultMemoryBudget, string? directory = null)
    {
        this.memoryBudget = memoryBudget;
        this.directory = directory;
    }

    /// <summary>Gets where the next item will go: (held index, file offset).</summary>
    public SpoolPosition Position => new(held.Count, file?.Length ?? 0);

    /// <summary>Cancelled when the spool is disposed: stops any reader of it left running in the background.</summary>
    /// <exception cref="ObjectDisposedException">The spool is already disposed: there is nothing left to read.</exception>
    public CancellationToken Closing
    {
        get
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return closing.Token;
        }
    }

    /// <summary>Gets whether items went to the temporary file.</summary>
    public bool Spilled => file is not null;

    public void Add(ExportItem item)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (file is null)
        {
            var estimate = ItemCodec.Estimate(item);
            if (heldBytes + estimate <= memoryBudget)
            {
                held.Add(item);
                heldBytes += estimate;
                return;
            }

            file = SpoolFile.Create(directory);
        }

        file.Append(encoder.Encode(item));
    }

    /// <summary>Ends writing: what was appended becomes readable.</summary>
    public void Seal() => file?.Flush();

    public ExportItem Held(int index)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return held[index];
    }

    public int Read(long offset, Span<byte> destination)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        return file is null ? 0 : file.Read(offset, destination);
    }

    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            closing.Cancel();
            closing.Dispose();
            held.Clear();
            file?.Dispose();
            encoder.Dispose();
        }
    }
}
