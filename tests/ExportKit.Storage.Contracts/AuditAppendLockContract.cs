using ExportKit.Audit;
using ExportKit.Testing;

namespace ExportKit.Storage.Contracts;

/// <summary>
/// What every <see cref="IAuditAppendLock"/> must do: hold off every other writer of the database (another store on it
/// stands for another process) while the lock is held; commit what the session appended when the callback returns a
/// count, roll it back when it returns 0 or throws; end the session with the callback. And so: trails in several
/// "processes" appending at once all get their events in, on one valid chain.
/// </summary>
public abstract class AuditAppendLockContract : StoreContract<IAuditEventStore>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly SequentialIds ids = new();

    /// <summary>Opens another store on the database of <paramref name="store"/>, as another process would.</summary>
    protected abstract IAuditEventStore OpenBeside(IAuditEventStore store);

    private AuditTrail Trail(IAuditEventStore store) => new(store, TestClock.Create(), ids, new AuditOptions());

    private static IAuditAppendLock Lock(IAuditEventStore store) => Assert.IsAssignableFrom<IAuditAppendLock>(store);

    [ContractFact]
    public async Task Another_writer_waits_while_the_lock_is_held_and_appends_after_it_on_one_chain()
    {
        var store = NewStore();
        var other = Track(OpenBeside(store));
        await Trail(store).RecordAsync(AuditEvents.Draft());
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var holding = Lock(store).AppendUnderLockAsync(async (session, cancellationToken) =>
        {
            Assert.Equal(1, (await session.GetLastAsync(cancellationToken))!.Sequence);
            entered.SetResult();
            await release.Task.WaitAsync(Patience, cancellationToken);
            Assert.Equal(1, (await session.GetLastAsync(cancellationToken))!.Sequence); // nobody moved the head meanwhile
            return 0;
        }).AsTask();
        await entered.Task.WaitAsync(Patience);

        // Task.Run: a SQLite writer waits for the file's lock synchronously.
        var waiting = Task.Run(() => Trail(other).RecordAsync(AuditEvents.Draft()));
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted, "another writer appended while the lock was held");

        release.SetResult();
        Assert.Equal(0, await holding.WaitAsync(Patience));
        Assert.Equal(2, (await waiting.WaitAsync(Patience))!.Sequence);
        Assert.True((await Trail(store).VerifyAsync()).IsValid);
    }

    [ContractFact]
    public async Task What_the_session_appends_is_committed_when_counted_and_rolled_back_on_0_or_an_exception()
    {
        // An event and its leaf, sealed by a trail on a scratch store, replayed into empty stores through the session.
        var scratch = NewStore();
        var sealedEvent = (await Trail(scratch).RecordAsync(AuditEvents.Draft()))!;
        var tree = Assert.IsAssignableFrom<IAuditTreeStore>(scratch);
        var read = await tree.ReadLeavesAsync(1).SingleAsync();
        var leaf = new AuditLeaf { Sequence = 1, Data = read.Data, Hashes = await tree.ReadHashesAsync([0]), Commitments = read.Commitments };

        var rolledBack = NewStore();
        Assert.Equal(0, await Lock(rolledBack).AppendUnderLockAsync(async (session, cancellationToken) =>
        {
            Assert.Null(await session.GetLastAsync(cancellationToken));
            Assert.Equal(0, await session.GetTreeSizeAsync(cancellationToken));
            Assert.Equal(1, await session.TryAppendWithLeavesAsync([sealedEvent], [leaf], cancellationToken));
            Assert.Equal(1, (await session.GetLastAsync(cancellationToken))!.Sequence); // its own append, seen inside
            return 0;
        }));
        Assert.Null(await rolledBack.GetLastAsync());

        var thrown = NewStore();
        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await Lock(thrown).AppendUnderLockAsync(async (session, cancellationToken) =>
        {
            await session.TryAppendWithLeavesAsync([sealedEvent], [leaf], cancellationToken);
            throw new TimeoutException("the host gave up");
        }));
        Assert.Equal("the host gave up", error.Message);
        Assert.Null(await thrown.GetLastAsync());

        var committed = NewStore();
        IAuditAppendSession? kept = null;
        Assert.Equal(1, await Lock(committed).AppendUnderLockAsync(async (session, cancellationToken) =>
        {
            kept = session;
            return await session.TryAppendWithLeavesAsync([sealedEvent], [leaf], cancellationToken);
        }));
        Assert.Equal(sealedEvent, await committed.GetLastAsync());
        Assert.Equal(1, await Assert.IsAssignableFrom<IAuditTreeStore>(committed).GetTreeSizeAsync());
        Assert.True((await Trail(committed).VerifyAsync()).IsValid);

        var ended = await Assert.ThrowsAsync<InvalidOperationException>(async () => await kept!.GetLastAsync());
        Assert.Contains("session has ended", ended.Message, StringComparison.Ordinal);
    }

    [ContractFact]
    public async Task Trails_in_four_processes_appending_at_once_all_get_their_events_in_on_one_valid_chain()
    {
        const int Writers = 4, EventsEach = 60;
        var store = NewStore();
        var stores = new[] { store }.Concat(Enumerable.Range(1, Writers - 1).Select(_ => Track(OpenBeside(store)))).ToArray();

        // Each "process" records one event at a time, so every one of its commits races the others for the head.
        var writers = stores.Select(s => Task.Run(async () =>
        {
            var trail = Trail(s);
            for (var i = 0; i < EventsEach; i++)
            {
                await trail.RecordAsync(AuditEvents.Draft());
            }
        }));
        await Task.WhenAll(writers).WaitAsync(TimeSpan.FromSeconds(120));

        Assert.Equal(Writers * EventsEach, (await store.GetLastAsync())!.Sequence);
        var verification = await Trail(store).VerifyAsync();
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(Writers * EventsEach, verification.EventsChecked);
    }
}
