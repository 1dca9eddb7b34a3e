using ExportKit.Storage.Contracts;
namespace ExportKit.Storage.Sqlite.Tests.Auditing;

public sealed class SqliteAuditEventStoreTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task An_event_round_trips_every_field_the_diff_and_request_included()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        var full = AuditEvents.Full(1);
        var minimal = AuditEvents.Minimal(2);
        var emptyRequest = AuditEvents.Minimal(3).With(it => it.Id, "evt_empty").With(it => it.Request, new RequestMetadata());

        Assert.True(await store.TryAppendAsync(full));
        Assert.True(await store.TryAppendAsync(minimal));
        Assert.True(await store.TryAppendAsync(emptyRequest));

        AuditEvents.AssertSame(full, await store.FindAsync("acme", full.Id));
        AuditEvents.AssertSame(minimal, await store.FindAsync("acme", minimal.Id));
        AuditEvents.AssertSame(emptyRequest, await store.FindAsync("acme", emptyRequest.Id));
    }

    [Fact]
    public async Task Timestamps_come_back_as_the_same_instant_in_utc()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        var stamped = AuditEvents.Minimal(1).With(it => it.Timestamp, AuditEvents.Start.ToOffset(TimeSpan.FromHours(-7)));

        await store.TryAppendAsync(stamped);
        var back = await store.GetLastAsync();

        Assert.Equal(stamped.Timestamp, back!.Timestamp);
        Assert.Equal(TimeSpan.Zero, back.Timestamp.Offset);
    }

    [Fact]
    public async Task The_last_event_is_the_highest_sequence_and_an_empty_store_has_none()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        Assert.Null(await store.GetLastAsync());

        await store.TryAppendAsync(AuditEvents.Minimal(1));
        await store.TryAppendAsync(AuditEvents.Minimal(2, tenantId: "globex"));

        Assert.Equal(2, (await store.GetLastAsync())!.Sequence);
    }

    [Fact]
    public async Task A_taken_sequence_is_refused_and_the_first_event_kept()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        Assert.True(await store.TryAppendAsync(AuditEvents.Minimal(1)));

        var appended = await store.TryAppendAsync(AuditEvents.Full(1).With(it => it.Id, "evt_other"));

        Assert.False(appended);
        AuditEvents.AssertSame(AuditEvents.Minimal(1), Assert.Single(await store.ReadEventsAsync().ToListAsync()));
    }

    [Fact]
    public async Task A_taken_id_at_a_new_sequence_is_an_error_that_names_the_id()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        await store.TryAppendAsync(AuditEvents.Minimal(1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            async () => await store.TryAppendAsync(AuditEvents.Minimal(2).With(it => it.Id, AuditEvents.Minimal(1).Id)));

        Assert.Contains(AuditEvents.Minimal(1).Id, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Find_is_scoped_to_the_tenant()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        await store.TryAppendAsync(AuditEvents.Minimal(1, tenantId: "globex"));

        Assert.Null(await store.FindAsync("acme", AuditEvents.Minimal(1).Id));
        Assert.NotNull(await store.FindAsync("globex", AuditEvents.Minimal(1).Id));
    }

    [Fact]
    public async Task The_chain_is_read_in_sequence_order_across_tenants()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        await store.TryAppendAsync(AuditEvents.Minimal(2, tenantId: "globex"));
        await store.TryAppendAsync(AuditEvents.Minimal(3));
        await store.TryAppendAsync(AuditEvents.Minimal(1));

        var chain = await store.ReadEventsAsync().ToListAsync();

        Assert.Equal([1L, 2L, 3L], chain.Select(e => e.Sequence));
    }

    [Fact]
    public async Task The_chain_streams_while_events_are_appended()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        await store.TryAppendAsync(AuditEvents.Minimal(1));
        await store.TryAppendAsync(AuditEvents.Minimal(2));

        var read = 0;
        await foreach (var auditEvent in store.ReadEventsAsync())
        {
            read++;
            if (auditEvent.Sequence == 1)
            {
                // WAL: a writer is not blocked by the open reader.
                Assert.True(await store.TryAppendAsync(AuditEvents.Minimal(3)));
            }
        }

        Assert.True(read >= 2);
        Assert.Equal(3, (await store.GetLastAsync())!.Sequence);
    }

    [Fact]
    public async Task Eight_writers_appending_at_once_leave_a_chain_without_gaps()
    {
        const int Writers = 8;
        const int EventsPerWriter = 25;
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        var refusals = 0;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            for (var n = 0; n < EventsPerWriter; n++)
            {
                while (true)
                {
                    var last = await store.GetLastAsync();
                    var next = AuditEvents.Minimal((last?.Sequence ?? 0) + 1).With(it => it.Id, $"evt_{writer}_{n}").With(it => it.PreviousHash, last?.Hash ?? new string('0', 64));
                    if (await store.TryAppendAsync(next))
                    {
                        break;
                    }

                    Interlocked.Increment(ref refusals);
                }
            }
        })));

        var chain = await store.ReadEventsAsync().ToListAsync();
        Assert.Equal(Enumerable.Range(1, Writers * EventsPerWriter).Select(i => (long)i), chain.Select(e => e.Sequence));
        Assert.Equal(Writers * EventsPerWriter, chain.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_second_store_on_the_same_file_sees_the_chain()
    {
        using (var appender = new SqliteAuditEventStore(database.ConnectionString))
        {
            await appender.TryAppendAsync(AuditEvents.Full(1));
        }
        database.ClosePool();

        using var reopened = new SqliteAuditEventStore(database.ConnectionString);

        AuditEvents.AssertSame(AuditEvents.Full(1), await reopened.GetLastAsync());
        Assert.False(await reopened.TryAppendAsync(AuditEvents.Minimal(1).With(it => it.Id, "evt_new")));
    }
}
