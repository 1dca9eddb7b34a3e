namespace ExportKit.Assembly;

/// <summary>The outcome of assembling a bundle.</summary>
/// <param name="Bundle">The bundle; its sections replay the items read (once) from the sources, each time they are enumerated.</param>
/// <param name="RecordsDropped">How many records the sources returned outside the scope or time range (not exported).</param>
/// <remarks>
/// Dispose it once the bundle is written: that releases the items it holds and deletes its spool file (a large
/// export's items beyond the memory budget), after which the sections' items can no longer be enumerated.
/// </remarks>
public sealed record AssembledBundle(ExportBundle Bundle, long RecordsDropped) : IDisposable
{
    private readonly ItemSpool? spool;

    internal AssembledBundle(ExportBundle bundle, long recordsDropped, ItemSpool spool)
        : this(bundle, recordsDropped) => this.spool = spool;

    /// <summary>Releases the items the bundle holds and deletes its spool file, if it has one.</summary>
    public void Dispose() => spool?.Dispose();
}
