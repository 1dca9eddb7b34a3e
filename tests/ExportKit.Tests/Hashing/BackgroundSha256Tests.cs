using System.Security.Cryptography;

namespace ExportKit.Tests.Hashing;

/// <summary>
/// The background hasher must give exactly SHA-256 of what was appended, however it was appended: small inputs that
/// never leave the caller's thread, many chunks queued past the backpressure bound, writes straight into its chunks,
/// and a request larger than a chunk.
/// </summary>
public sealed class BackgroundSha256Tests
{
    public static TheoryData<int> Sizes => [0, 1, 63, BackgroundSha256.ChunkSize - 1, BackgroundSha256.ChunkSize, BackgroundSha256.ChunkSize + 1, (BackgroundSha256.MaxQueuedChunks + 3) * BackgroundSha256.ChunkSize + 17];

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Appended_in_uneven_pieces_the_digest_is_sha256_of_the_whole(int size)
    {
        var data = Data(size);
        using var hash = new BackgroundSha256();
        var random = new Random(size);
        for (var at = 0; at < size;)
        {
            var piece = Math.Min(size - at, random.Next(1, 5000));
            hash.Append(data.AsSpan(at, piece));
            at += piece;
        }

        Assert.Equal(SHA256.HashData(data), hash.Finish());
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Written_through_the_buffer_writer_the_digest_is_sha256_of_the_whole(int size)
    {
        var data = Data(size);
        using var hash = new BackgroundSha256();
        for (var at = 0; at < size;)
        {
            var piece = Math.Min(size - at, 700);
            var span = hash.GetSpan(piece);
            Assert.True(span.Length >= piece);
            data.AsSpan(at, piece).CopyTo(span);
            hash.Advance(piece);
            at += piece;
        }

        Assert.Equal(SHA256.HashData(data), await hash.FinishAsync());
    }

    [Fact]
    public void A_request_larger_than_a_chunk_gets_a_span_that_large()
    {
        var data = Data((3 * BackgroundSha256.ChunkSize) + 5);
        using var hash = new BackgroundSha256();
        hash.Append(data.AsSpan(0, 10));
        var span = hash.GetSpan(data.Length - 10);
        data.AsSpan(10).CopyTo(span);
        hash.Advance(data.Length - 10);

        Assert.Equal(SHA256.HashData(data), hash.Finish());
    }

    [Fact]
    public void Advancing_past_the_span_is_refused()
    {
        using var hash = new BackgroundSha256();
        var length = hash.GetSpan(10).Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => hash.Advance(length + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => hash.Advance(-1));
    }

    [Fact]
    public void Finished_it_cannot_be_used_again()
    {
        using var hash = new BackgroundSha256();
        hash.Append([1, 2, 3]);
        hash.Finish();

        Assert.Throws<ObjectDisposedException>(() => hash.Finish());
        Assert.Throws<ObjectDisposedException>(() => hash.GetSpan(1));
    }

    [Fact]
    public void Disposed_with_chunks_still_queued_it_waits_for_them_and_does_not_throw()
    {
        var hash = new BackgroundSha256();
        hash.Append(Data((BackgroundSha256.MaxQueuedChunks + 2) * BackgroundSha256.ChunkSize));

        hash.Dispose();
        hash.Dispose();
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void A_keeping_buffer_hands_over_exactly_what_was_written_for_another_hash_to_take_in_place(int size)
    {
        // The reading thread encodes a batch into a keeping buffer; the hashing thread appends its chunks in their turn.
        var data = Data(size);
        using var kept = BackgroundSha256.Keeping();
        using var hash = new BackgroundSha256(inline: true);
        hash.Append(data.AsSpan(0, size / 3));
        for (var at = size / 3; at < size;)
        {
            var piece = Math.Min(size - at, 700);
            data.AsSpan(at, piece).CopyTo(kept.GetSpan(piece));
            kept.Advance(piece);
            at += piece;
            if (at == size || at % 5 == 0)
            {
                foreach (var (bytes, count) in kept.TakeKept())
                {
                    hash.Append(bytes.AsSpan(0, count));
                    System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
                }
            }
        }

        Assert.Empty(kept.TakeKept());
        Assert.Equal(SHA256.HashData(data), hash.Finish());
    }

    [Fact]
    public void Only_a_keeping_buffer_hands_over_its_bytes()
    {
        using var hash = new BackgroundSha256();
        hash.Append([1, 2, 3]);

        var error = Assert.Throws<InvalidOperationException>(() => hash.TakeKept());
        Assert.Contains("Keeping()", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Data(int size)
    {
        var data = new byte[size];
        new Random(42).NextBytes(data);
        return data;
    }
}
