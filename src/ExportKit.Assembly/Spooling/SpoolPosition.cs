namespace ExportKit.Assembly;

/// <summary>A place in an <see cref="ItemSpool"/>: how many items are held in memory, and how many bytes are in its file.</summary>
internal readonly record struct SpoolPosition(int HeldIndex, long FileOffset);
