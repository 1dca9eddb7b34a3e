using System.Runtime.CompilerServices;

namespace ExportKit.Assembly.Tests.Spooling;

/// <summary>
/// The read-ahead behind spool replay and audit verification: a source enumerated on another thread, handed over in
/// batches, must look to its consumer exactly like the source — every item in order, then the end or the source's own
/// failure after the items before it — and must never outlive its consumer: disposing, cancelling or abandoning it
/// stops the reading and disposes the source.
/// </summary>
public sealed class ReadAheadTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(ReadAhead<int>.BatchSize)]
    [InlineData(ReadAhead<int>.BatchSize + 1)]
    [InlineData(10_000)]
    public async Task Every_item_comes_in_order_then_the_end(int count)
    {
        var source = new Numbers(count);

        var read = await ReadAll(ReadAhead<int>.Start(source, CancellationToken.None));

        Assert.Equal(Enumerable.Range(0, count), read);
        Assert.True(source.Disposed.Task.IsCompleted);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(300)] // two full batches and part of a third: that part comes before the failure
    public async Task A_failing_source_fails_with_its_own_exception_after_every_item_before_it(int failAt)
    {
        var source = new Numbers(1_000) { FailAt = failAt };
        var read = new List<int>();
        var reader = ReadAhead<int>.Start(source, CancellationToken.None);

        var error = await Assert.ThrowsAsync<InvalidDataException>(async () =>
        {
            await using (reader)
            {
                while (await reader.MoveNextAsync())
                {
                    read.Add(reader.Current);
                }
            }
        });

        Assert.Equal($"Item {failAt} is unreadable.", error.Message);
        Assert.Equal(Enumerable.Range(0, failAt), read);
        Assert.True(source.Disposed.Task.IsCompleted);
    }

    [Fact]
    public async Task Disposing_early_stops_the_reading_a_bounded_number_ahead_and_disposes_the_source_first()
    {
        var source = new Numbers(1_000_000);
        var reader = ReadAhead<int>.Start(source, CancellationToken.None);
        Assert.True(await reader.MoveNextAsync());

        await reader.DisposeAsync();

        Assert.True(source.Disposed.Task.IsCompleted);
        Assert.InRange(source.Produced, 1, ReadAhead<int>.BatchSize * (ReadAhead<int>.MaxBatches + 2));
    }

    [Fact]
    public async Task Cancelling_reaches_the_consumer_as_the_sources_cancellation()
    {
        using var cancel = new CancellationTokenSource();
        var source = new Numbers(1_000_000);
        var reader = ReadAhead<int>.Start(source, cancel.Token);
        Assert.True(await reader.MoveNextAsync());

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await using (reader)
            {
                while (await reader.MoveNextAsync())
                {
                }
            }
        });
        Assert.True(source.Disposed.Task.IsCompleted);
    }

    [Fact]
    public async Task A_reader_its_consumer_abandoned_stops_when_what_it_reads_goes_away()
    {
        // A consumer that never disposes its enumerator would leave the reading waiting for room for ever.
        using var abandoned = new CancellationTokenSource();
        var source = new Numbers(1_000_000);
        var reader = ReadAhead<int>.Start(source, CancellationToken.None, abandoned.Token);
        Assert.True(await reader.MoveNextAsync());

        await abandoned.CancelAsync();

        await source.Disposed.Task.WaitAsync(Patience);
    }

    private static async Task<List<int>> ReadAll(ReadAhead<int> reader)
    {
        var read = new List<int>();
        await using (reader)
        {
            while (await reader.MoveNextAsync())
            {
                read.Add(reader.Current);
            }
        }

        return read;
    }

    private sealed class Numbers(int count) : IAsyncEnumerable<int>
    {
        private int produced;

        public int FailAt { get; init; } = -1;

        public int Produced => Volatile.Read(ref produced);

        public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public IAsyncEnumerator<int> GetAsyncEnumerator(CancellationToken cancellationToken = default) => Read(cancellationToken).GetAsyncEnumerator(cancellationToken);

        private async IAsyncEnumerable<int> Read([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    await Task.Yield();
                    cancellationToken.ThrowIfCancellationRequested();
                    if (i == FailAt)
                    {
                        throw new InvalidDataException($"Item {i} is unreadable.");
                    }

                    Interlocked.Increment(ref produced);
                    yield return i;
                }
            }
            finally
            {
                Disposed.TrySetResult();
            }
        }
    }
}
