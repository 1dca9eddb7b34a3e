using System.Globalization;
using System.IO.Compression;
using System.IO.Hashing;

namespace ExportKit.Formats.BagIt;

/// <summary>
/// Reads one ZIP entry as an extractor would: inflates it whole (never stopping at the declared length), computes its
/// CRC-32 and counts its bytes in the same pass as whoever reads it (the checksum pass hashes through this stream),
/// and at its end checks both against the headers. Stops, and reports, once the entry inflates past its declared
/// length or a size limit, or its deflate data is damaged; it never throws for hostile data.
/// </summary>
internal sealed class ZipEntryReadStream : ReadOnlyStream
{
    private readonly ZipEntryRecord entry;
    private readonly string path;
    private readonly long limit;
    private readonly string limitName;
    private readonly Action<BagProblem> report;
    private readonly Stream source;
    private readonly Crc32 crc = new();
    private long total;
    private bool finished;

    public ZipEntryReadStream(Stream archive, ZipEntryRecord entry, string path, long limit, string limitName, Action<BagProblem> report)
    {
        this.entry = entry;
        this.path = path;
        this.limit = limit;
        this.limitName = limitName;
        this.report = report;
        var window = new ZipDataWindow(archive, entry.DataOffset, (long)entry.CompressedSize);
        source = entry.Method == 8 ? new DeflateStream(window, CompressionMode.Decompress) : window;
    }

    public override long Position { get => total; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (finished || buffer.Length == 0)
        {
            return 0;
        }

        int read;
        try
        {
            read = source.Read(buffer);
        }
        catch (InvalidDataException error)
        {
            return Damaged(error);
        }

        return Account(buffer[..read]);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (finished || buffer.Length == 0)
        {
            return 0;
        }

        int read;
        try
        {
            read = await source.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException error)
        {
            return Damaged(error);
        }

        return Account(buffer.Span[..read]);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            source.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Account(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0)
        {
            finished = true;
            Verify();
            return 0;
        }

        crc.Append(bytes);
        total += bytes.Length;
        if (total > limit)
        {
            Stop(BagProblemKind.LimitExceeded, $"{path} is larger than {limitName} ({limit} bytes); it was not read further.");
        }
        else if ((ulong)total > entry.UncompressedSize)
        {
            Stop(BagProblemKind.SizeMismatch, $"{path} inflates to more than the {entry.UncompressedSize} bytes its ZIP headers declare: the entry was altered, and an extractor would write more than was checked.");
        }

        return bytes.Length;
    }

    private void Verify()
    {
        if (entry.Verified)
        {
            return;
        }

        entry.Verified = true;
        if ((ulong)total != entry.UncompressedSize)
        {
            report(new BagProblem(BagProblemKind.SizeMismatch, path, string.Create(CultureInfo.InvariantCulture,
                $"{path} inflates to {total} bytes, but its ZIP headers declare {entry.UncompressedSize}: the entry was altered or damaged.")));
        }

        var actual = crc.GetCurrentHashAsUInt32();
        if (actual != entry.Crc32)
        {
            report(new BagProblem(BagProblemKind.ChecksumMismatch, path, string.Create(CultureInfo.InvariantCulture,
                $"The CRC-32 of {path} is {actual:x8}, but its ZIP headers declare {entry.Crc32:x8}: the entry was altered or damaged.")));
        }
    }

    private void Stop(BagProblemKind kind, string message)
    {
        finished = true;
        if (!entry.Verified)
        {
            entry.Verified = true;
            report(new BagProblem(kind, path, message));
        }
    }

    private int Damaged(InvalidDataException error)
    {
        Stop(BagProblemKind.CorruptArchive, $"The deflate data of {path} is damaged and cannot be inflated ({error.Message}).");
        return 0;
    }
}
