namespace ExportKit.Assembly;

/// <summary>Counts records a source returned outside the export's scope or time range.</summary>
internal sealed class DropCounter
{
    private long count;

    public long Count => Interlocked.Read(ref count);

    public void Increment() => Interlocked.Increment(ref count);
}
