using ExportKit.Storage.Contracts;
using Npgsql;

namespace ExportKit.Storage.PostgreSql.Tests.Auditing;

/// <summary>What the PostgreSQL audit store does beyond the contract: the chain's head, the plan of a search, strict rows.</summary>
public sealed class PostgreSqlAuditEventStoreTests : IDisposable
{
    private readonly TestDatabase? database = TestDatabase.SkipReason is null ? new TestDatabase() : null;

    private TestDatabase Database => database!;

    public void Dispose() => database?.Dispose();

    [PostgresFact]
    public async Task A_sequence_beyond_the_next_is_refused_as_a_gap_and_nothing_is_stored()
    {
        var store = new PostgreSqlAuditEventStore(Database.ConnectionString);
        Assert.True(await store.TryAppendAsync(AuditEvents.Sealed(1)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.TryAppendAsync(AuditEvents.Sealed(3)));

        Assert.Contains("would leave a gap after the last, 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await store.GetLastAsync())!.Sequence);
    }

    [PostgresFact]
    public async Task A_batch_is_one_transaction_a_reused_id_or_a_broken_order_keeps_none_of_it()
    {
        var store = new PostgreSqlAuditEventStore(Database.ConnectionString);
        Assert.Equal(1, await store.TryAppendBatchAsync([AuditEvents.Sealed(1)]));

        var reused = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await store.TryAppendBatchAsync([AuditEvents.Sealed(2), AuditEvents.Sealed(3, id: "aud_0001"), AuditEvents.Sealed(4)]));
        Assert.Contains("already in the trail", reused.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await store.GetLastAsync())!.Sequence);

        var broken = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await store.TryAppendBatchAsync([AuditEvents.Sealed(2), AuditEvents.Sealed(4)]));
        Assert.Contains("does not follow the one before it", broken.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await store.GetLastAsync())!.Sequence);

        Assert.Equal(3, await store.TryAppendBatchAsync([AuditEvents.Sealed(2), AuditEvents.Sealed(3), AuditEvents.Sealed(4)]));
        Assert.Equal(0, await store.TryAppendBatchAsync([AuditEvents.Sealed(4, id: "aud_x"), AuditEvents.Sealed(5)]));
        Assert.Equal(4, (await store.GetLastAsync())!.Sequence);
    }

    [PostgresFact]
    public async Task The_search_is_served_by_the_trigram_index_not_a_sequential_scan()
    {
        await new PostgreSqlAuditEventStore(Database.ConnectionString).GetLastAsync();
        Database.ExecuteInSchema(SeededAuditEvents.Sql(40_000, rareEvery: 10_000));

        var plan = Explain(new AuditQuery("acme") { Search = "NEEDLE-xyzzy" });

        Assert.True(plan.Contains("ix_audit_events_context_trgm", StringComparison.Ordinal), plan);
        Assert.False(plan.Contains("Seq Scan", StringComparison.Ordinal), plan);
        var found = await new PostgreSqlAuditEventStore(Database.ConnectionString).QueryAsync(new AuditQuery("acme") { Search = "NEEDLE-xyzzy" }, 0, 50).ToListAsync();
        Assert.Equal([40_000L, 30_000, 20_000, 10_000], found.Select(e => e.Sequence));
    }

    [PostgresFact]
    public async Task Every_filter_of_the_audit_query_has_an_index()
    {
        await new PostgreSqlAuditEventStore(Database.ConnectionString).GetLastAsync();

        var indexes = Database.Strings("SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'audit_events';");

        Assert.Contains(indexes, i => i.Contains("(tenant_id, severity, sequence)", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.Contains("(tenant_id, actor_type, sequence)", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.Contains("(tenant_id, event_type, sequence)", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.Contains("(tenant_id, \"timestamp\")", StringComparison.Ordinal));
        Assert.Contains(indexes, i => i.Contains("USING gin (context_json", StringComparison.Ordinal) && i.Contains("gin_trgm_ops", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task A_row_changed_behind_the_stores_back_is_read_as_malformed_by_the_chain_and_reported_by_queries()
    {
        var store = new PostgreSqlAuditEventStore(Database.ConnectionString);
        Assert.True(await store.TryAppendAsync(AuditEvents.Sealed(1)));
        Assert.True(await store.TryAppendAsync(AuditEvents.Sealed(2)));

        // Only an owner who drops the CHECK and disables the triggers can do this; verification must still say so.
        Database.ExecuteInSchema("""
            ALTER TABLE audit_events DROP CONSTRAINT audit_events_severity_check;
            ALTER TABLE audit_events DISABLE TRIGGER audit_events_erase_only;
            UPDATE audit_events SET severity = 'INFO' WHERE sequence = 2;
            """);

        var chain = await store.ReadChainAsync().ToListAsync();
        Assert.False(chain[0].IsMalformed);
        Assert.True(chain[1].IsMalformed);
        Assert.Equal("severity", chain[1].Column);
        Assert.Equal("aud_0002", chain[1].Id);
        var error = await Assert.ThrowsAsync<InvalidDataException>(async () => await store.FindAsync("acme", "aud_0002"));
        Assert.Contains("severity", error.Message, StringComparison.Ordinal);
    }

    [PostgresFact]
    public async Task The_schema_refuses_values_the_store_never_writes()
    {
        await new PostgreSqlAuditEventStore(Database.ConnectionString).GetLastAsync();
        string[] rows =
        [
            "(1, 'a', 'yesterday', 'acme', 't', 'info', 'user', false, '[]', repeat('0', 64), repeat('1', 64))",
            "(1, 'a', '2026-01-01T00:00:00.0000000Z', 'acme', 't', 'INFO', 'user', false, '[]', repeat('0', 64), repeat('1', 64))",
            "(1, 'a', '2026-01-01T00:00:00.0000000Z', 'acme', 't', 'info', 'robot', false, '[]', repeat('0', 64), repeat('1', 64))",
            "(1, 'a', '2026-01-01T00:00:00.0000000Z', ' ', 't', 'info', 'user', false, '[]', repeat('0', 64), repeat('1', 64))",
            "(1, 'a', '2026-01-01T00:00:00.0000000Z', 'acme', 't', 'info', 'user', false, '{}', repeat('0', 64), repeat('1', 64))",
            "(1, 'a', '2026-01-01T00:00:00.0000000Z', 'acme', 't', 'info', 'user', false, '[]', repeat('0', 64), repeat('F', 64))",
            "(0, 'a', '2026-01-01T00:00:00.0000000Z', 'acme', 't', 'info', 'user', false, '[]', repeat('0', 64), repeat('1', 64))",
        ];
        foreach (var row in rows)
        {
            var error = Assert.Throws<PostgresException>(() => Database.ExecuteInSchema(
                $"INSERT INTO audit_events (sequence, id, \"timestamp\", tenant_id, event_type, severity, actor_type, has_request, diff_json, previous_hash, hash) VALUES {row};"));
            Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        }
    }

    private string Explain(AuditQuery query)
    {
        using var connection = Database.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The store's own query builder: constant fragments and parameters.
        command.CommandText = "EXPLAIN " + AuditQuerySql.BuildSelect(query, 0, 50, command.Parameters);
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }
}
