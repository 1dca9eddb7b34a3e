namespace ExportKit.Tests.Hashing;

/// <summary>The ordering and failure rules the background hashes rely on.</summary>
public sealed class SerialBackgroundWorkTests
{
    [Fact]
    public async Task Runs_every_piece_once_in_the_order_posted()
    {
        var work = new SerialBackgroundWork(maxQueued: 2);
        var seen = new List<int>();
        for (var i = 0; i < 200; i++)
        {
            work.Post(n => seen.Add(n), i);
        }

        await work.Completion;

        Assert.Equal(Enumerable.Range(0, 200), seen);
    }

    [Fact]
    public async Task Holds_the_poster_back_once_the_queue_is_full()
    {
        var work = new SerialBackgroundWork(maxQueued: 2);
        using var gate = new ManualResetEventSlim();
        var started = 0;
        work.Post(g => { Interlocked.Increment(ref started); g.Wait(); }, gate);
        work.Post(_ => Interlocked.Increment(ref started), 0);

        var third = Task.Run(() => work.Post(_ => Interlocked.Increment(ref started), 0));

        Assert.NotSame(third, await Task.WhenAny(third, Task.Delay(200)));
        gate.Set();
        await third.WaitAsync(TimeSpan.FromSeconds(10));
        await work.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(3, started);
    }

    [Fact]
    public async Task A_failure_fails_the_completion_and_later_pieces_still_run_to_release_what_they_hold()
    {
        var work = new SerialBackgroundWork(maxQueued: 8);
        var released = 0;
        work.Post(_ => throw new InvalidOperationException("disk on fire"), 0);
        work.Post(_ => Interlocked.Increment(ref released), 0);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => work.Completion);

        Assert.Equal("disk on fire", error.Message);
        Assert.Equal(1, released);
        work.WaitQuietly();
    }
}
