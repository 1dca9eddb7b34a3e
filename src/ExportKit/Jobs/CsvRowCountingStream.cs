namespace ExportKit.Jobs;

/// <summary>
/// A write-only pass-through that counts the records of the RFC 4180 CSV written through it (line breaks outside
/// quotes, less the header), so a running audit CSV job reports progress and its row count.
/// </summary>
internal sealed class CsvRowCountingStream(Stream inner) : WriteOnlyStream(inner)
{
    private long lines;
    private bool quoted;

    /// <summary>Gets how many records after the header were written so far (safe to read from another thread).</summary>
    public long Rows => Math.Max(0, Interlocked.Read(ref lines) - 1);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Count(buffer);
        Inner.Write(buffer);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Span);
        return Inner.WriteAsync(buffer, cancellationToken);
    }

    private void Count(ReadOnlySpan<byte> bytes)
    {
        var found = 0;
        foreach (var b in bytes)
        {
            if (b == (byte)'"')
            {
                quoted = !quoted;
            }
            else if (b == (byte)'\n' && !quoted)
            {
                found++;
            }
        }

        Interlocked.Add(ref lines, found);
    }
}
