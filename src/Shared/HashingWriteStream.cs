using System.Diagnostics.CodeAnalysis;

namespace ExportKit;

/// <summary>
/// A write-only pass-through: forwards every byte to an inner stream while hashing (SHA-256) and counting it, so a
/// file's checksum and size come out of the one write (the engine's output, a BagIt payload file). Disposing it neither
/// closes the inner stream nor ends the hash, so a formatter that disposes the stream it was given (a
/// <c>StreamWriter</c> without <c>leaveOpen</c>) does no harm; <see cref="FinishSha256Hex"/> ends the hash.
/// </summary>
/// <remarks>Shared internal plumbing: linked into each package that needs it (src/Shared).</remarks>
internal sealed class HashingWriteStream(Stream inner) : WriteOnlyStream(inner)
{
    [SuppressMessage("Usage", "CA2213:Disposable fields should be disposed", Justification = "Disposing the stream must not end the hash (formatters dispose the stream they are given); FinishSha256Hex disposes it.")]
    private readonly BackgroundSha256 hash = new();

    /// <summary>Gets how many bytes were written.</summary>
    public long BytesWritten { get; private set; }

    public override long Position
    {
        get => BytesWritten;
        set => throw new NotSupportedException();
    }

    /// <summary>Finishes the hash and releases it; call once, after the last write.</summary>
    /// <returns>The SHA-256 of every byte written, as lower-case hex.</returns>
    public string FinishSha256Hex()
    {
        using (hash)
        {
            return Convert.ToHexString(hash.Finish()).ToLowerInvariant();
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        hash.Append(buffer);
        BytesWritten += buffer.Length;
        Inner.Write(buffer);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await hash.AppendAsync(buffer).ConfigureAwait(false);
        BytesWritten += buffer.Length;
        await Inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }
}
