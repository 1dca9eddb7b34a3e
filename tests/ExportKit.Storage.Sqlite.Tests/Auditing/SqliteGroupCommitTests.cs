using ExportKit.Audit;
using ExportKit.Storage.Contracts;
using ExportKit.Testing;

namespace ExportKit.Storage.Sqlite.Tests.Auditing;

/// <summary>
/// The SQLite store's batches are one transaction each (all or none), and trails in two "processes" (two stores, each
/// with its own held connection, on one file) interleave their group commits into one valid chain.
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    private static AuditTrail Trail(SqliteAuditEventStore store, IExportIdGenerator ids) =>
        new(store, TestClock.Create(), ids, new AuditOptions());

    [Fact]
    public async Task A_batch_with_a_reused_id_is_refused_whole_and_names_the_id()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        Assert.True(await store.TryAppendAsync(AuditEvents.Minimal(1)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            store.TryAppendBatchAsync([AuditEvents.Minimal(2).With(it => it.Id, "evt_new"), AuditEvents.Minimal(3).With(it => it.Id, AuditEvents.Minimal(1).Id)]).AsTask());

        Assert.Contains(AuditEvents.Minimal(1).Id, error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await store.GetLastAsync())!.Sequence);
        Assert.Null(await store.FindAsync("acme", "evt_new"));

        // The held connection is still good after the rollback.
        Assert.Equal(1, await store.TryAppendBatchAsync([AuditEvents.Minimal(2).With(it => it.Id, "evt_new")]));
    }

    [Fact]
    public async Task A_batch_holding_null_is_refused_naming_its_index_and_nothing_is_appended()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);

        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => store.TryAppendBatchAsync([AuditEvents.Minimal(1), null!]).AsTask());

        Assert.Equal("auditEvents[1]", error.ParamName);
        Assert.Null(await store.GetLastAsync());
    }

    [Fact]
    public async Task A_disposed_store_refuses_appends_but_still_reads()
    {
        var store = new SqliteAuditEventStore(database.ConnectionString);
        await store.TryAppendAsync(AuditEvents.Minimal(1));
        store.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.TryAppendAsync(AuditEvents.Minimal(2)).AsTask());
        Assert.Equal(1, (await store.GetLastAsync())!.Sequence);
    }

    [Fact]
    public async Task Two_trails_on_one_file_interleave_their_appends_into_one_gap_free_valid_chain()
    {
        const int WritersPerTrail = 3;
        const int EventsPerWriter = 30;
        using var storeA = new SqliteAuditEventStore(database.ConnectionString);
        using var storeB = new SqliteAuditEventStore(database.ConnectionString);
        var ids = new SequentialIds();
        var trails = new[] { Trail(storeA, ids), Trail(storeB, ids) };

        var recorded = await Task.WhenAll(trails.SelectMany(trail => Enumerable.Range(0, WritersPerTrail).Select(writer => Task.Run(async () =>
        {
            var mine = new List<AuditEvent>();
            for (var n = 0; n < EventsPerWriter; n++)
            {
                mine.Add((await trail.RecordAsync(new AuditEventDraft
                {
                    EventType = AuditEventTypes.UserUpdated, TenantId = "acme", Severity = AuditSeverity.Info, ActorType = AuditActorType.User,
                    UserId = "user-1", Context = new { writer, n },
                }))!);
            }

            return mine;
        }))));

        var total = 2 * WritersPerTrail * EventsPerWriter;
        var chain = await storeA.ReadEventsAsync().ToListAsync();
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), chain.Select(e => e.Sequence));
        foreach (var auditEvent in recorded.SelectMany(mine => mine))
        {
            Assert.Equal(chain[(int)auditEvent.Sequence - 1].Hash, auditEvent.Hash);
        }

        Assert.Equal(total, recorded.SelectMany(mine => mine).Select(e => e.Sequence).Distinct().Count());
        var verification = await trails[1].VerifyAsync();
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(total, verification.EventsChecked);
    }
}
