namespace ExportKit.Assembly.Tests.Hashing;

/// <summary>
/// A section's content hash is computed in batches on another thread, and when that thread falls behind the reading
/// thread encodes batches itself and hands over only their bytes. However the work was split, the digest must be the
/// one hashing every item in order on one thread gives: it is the bundle id's content.
/// </summary>
public sealed class BackgroundItemHashTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(BackgroundItemHash.BatchSize)]
    [InlineData((BackgroundItemHash.BatchSize * 20) + 17)]
    public async Task The_digest_is_that_of_every_item_hashed_in_order_on_one_thread(int count)
    {
        var items = Items(count);

        using var hash = new BackgroundItemHash();
        Assert.Equal(HashedOnOneThread(items), await HashAsync(hash, items));
    }

    [Fact]
    public async Task A_reader_faster_than_the_hashing_thread_encodes_batches_itself_and_the_digest_is_unchanged()
    {
        // Items already made are added far faster than another thread can encode and hash them: the queue fills.
        var items = Items(BackgroundItemHash.BatchSize * 40);

        using var hash = new BackgroundItemHash();
        var digest = await HashAsync(hash, items);

        Assert.True(hash.BatchesEncodedHere > 0, "The reading thread never encoded a batch: the test did not reach the path it is about.");
        Assert.Equal(HashedOnOneThread(items), digest);
    }

    private static byte[] HashedOnOneThread(ExportItem[] items)
    {
        using var reference = new CanonicalHash(inline: true);
        foreach (var item in items)
        {
            reference.AddItem(item);
        }

        return reference.Finish();
    }

    private static async Task<byte[]> HashAsync(BackgroundItemHash hash, ExportItem[] items)
    {
        foreach (var item in items)
        {
            await hash.AddAsync(item);
        }

        return await hash.FinishAsync();
    }

    private static ExportItem[] Items(int count) =>
    [
        .. Enumerable.Range(0, count).Select(i => new ExportItem(
            "item-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "alert",
            new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(i % 3)).AddSeconds(i),
            [
                new("text", i % 7 == 0 ? "é✓ \u2028" : "plain " + i),
                new("count", i),
                new("ratio", i / 7.0),
                new("amount", 12.50m + i),
                new("flag", i % 2 == 0),
                new("missing", null),
                new("at", new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(i)),
                new("nested", (IReadOnlyList<ExportField>)[new("depth", 1), new("name", "n" + (i % 5))]),
            ],
            i % 11 == 0 ? ["ref-" + i] : null)),
    ];
}
