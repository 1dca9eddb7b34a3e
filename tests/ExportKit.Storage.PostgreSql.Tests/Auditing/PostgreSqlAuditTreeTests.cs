using ExportKit.Audit;
using ExportKit.Storage.Contracts;
using ExportKit.Testing;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace ExportKit.Storage.PostgreSql.Tests.Auditing;

/// <summary>
/// What the PostgreSQL store does for the transparency log beyond the shared contract: the database's triggers keep the
/// tree append-only and allow only erasure, and writers on separate connections and store instances keep one tree.
/// </summary>
public sealed class PostgreSqlAuditTreeTests : IDisposable
{
    private static readonly string SigningKey = AuditTransparencyOptions.GenerateSigningKey("example.com/audit");

    private readonly TestDatabase? database = TestDatabase.SkipReason is null ? new TestDatabase() : null;

    private TestDatabase Database => database!;

    public void Dispose() => database?.Dispose();

    [PostgresFact]
    public async Task Triggers_refuse_to_change_or_remove_tree_hashes_leaves_and_commitments_and_allow_only_erasing_a_salt()
    {
        var store = new PostgreSqlAuditEventStore(Database.ConnectionString);
        var trail = new AuditTrail(store, TestClock.Create(), new SequentialIds(), new AuditOptions { PersonalFields = { "email" } });
        for (var i = 0; i < 3; i++)
        {
            await trail.RecordAsync(AuditEvents.Draft(userId: "alice", context: new { n = i, email = "alice@example.org" }));
        }

        var checkpoint = await new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = SigningKey }).CreateCheckpointAsync();
        foreach (var sql in new[]
        {
            "UPDATE audit_tree_hashes SET hash = hash;", "DELETE FROM audit_tree_hashes;", "TRUNCATE audit_tree_hashes;",
            "UPDATE audit_leaves SET data = data;", "DELETE FROM audit_leaves WHERE sequence = 3;", "TRUNCATE audit_leaves CASCADE;",
            "UPDATE audit_commitments SET commitment = commitment;", "UPDATE audit_commitments SET salt = commitment;",
            "UPDATE audit_commitments SET field = 'context/other';", "DELETE FROM audit_commitments;", "TRUNCATE audit_commitments;",
            "UPDATE audit_events SET tenant_id = 'globex';", "UPDATE audit_events SET user_id = 'mallory';", "DELETE FROM audit_events;",
        })
        {
            var error = Assert.Throws<PostgresException>(() => Database.ExecuteInSchema(sql));
            Assert.True(error.SqlState == PostgresErrorCodes.RestrictViolation, $"{sql}: {error.SqlState} {error.MessageText}");
        }

        // Nothing was changed by the refused statements.
        var log = new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = SigningKey });
        Assert.True((await log.VerifyAsync(checkpoint)).IsValid);

        // What erasure does is allowed: a salt set to NULL, a personal value of a committed event set to NULL.
        Database.ExecuteInSchema("UPDATE audit_commitments SET salt = NULL WHERE sequence = 1; UPDATE audit_events SET user_id = NULL WHERE sequence = 1;");
        Assert.Equal(0, Database.Scalar("SELECT count(*) FROM audit_commitments WHERE sequence = 1 AND salt IS NOT NULL;"));
        Assert.Equal(3, Database.Scalar("SELECT count(*) FROM audit_leaves;"));

        // The CHECKs hold against a writer that bypasses the store: hashes and salts are 32 bytes, leaves not empty.
        foreach (var sql in new[]
        {
            "INSERT INTO audit_tree_hashes VALUES (1000, '\\x00');",
            "INSERT INTO audit_commitments VALUES (3, 'context/x', '\\x00', NULL);",
            "INSERT INTO audit_leaves VALUES (4, '\\x');",
        })
        {
            var error = Assert.Throws<PostgresException>(() => Database.ExecuteInSchema(sql));
            Assert.True(error.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.ForeignKeyViolation, $"{sql}: {error.SqlState} {error.MessageText}");
        }
    }

    [PostgresFact]
    public async Task Two_store_instances_appending_at_once_keep_one_tree_that_verifies_against_checkpoints_taken_along_the_way()
    {
        const int Tasks = 8, PerTask = 20;
        var ids = new SequentialIds();
        var clock = new FakeTimeProvider(TestClock.Now);
        var options = new AuditOptions { PersonalFields = { "email" } };

        // Two store instances (two connection pools) and two trails stand for two processes on two machines.
        AuditTrail[] trails =
        [
            new(new PostgreSqlAuditEventStore(Database.ConnectionString), clock, ids, options),
            new(new PostgreSqlAuditEventStore(Database.ConnectionString + ";Application Name=second"), clock, ids, options),
        ];
        var log = new AuditTransparencyLog(trails[0], new AuditTransparencyOptions { SigningKey = SigningKey });
        var early = Task.Run(async () =>
        {
            await Task.Delay(50);
            return await log.CreateCheckpointAsync();
        });
        await Task.WhenAll(Enumerable.Range(0, Tasks).Select(t => Task.Run(async () =>
        {
            for (var i = 0; i < PerTask; i++)
            {
                await trails[t % 2].RecordAsync(AuditEvents.Draft(userId: "u" + (t % 3), context: new { t, i, email = $"p{t}@example.org" }));
            }
        })).Append(early));

        var store = new PostgreSqlAuditEventStore(Database.ConnectionString);
        Assert.Equal(Tasks * PerTask, await store.GetTreeSizeAsync());
        Assert.Equal(Tasks * PerTask, Database.Scalar("SELECT count(*) FROM audit_leaves;"));
        var checkpoint = await log.CreateCheckpointAsync();
        var verification = await log.VerifyAsync(checkpoint);
        Assert.True(verification.IsValid, verification.Message);
        Assert.True((await log.VerifyAsync(await early)).IsValid);
        Assert.True(log.CheckConsistencyProof(await early, checkpoint, await log.ProveConsistencyAsync(await early, checkpoint)));
        Assert.Equal(Tasks * PerTask, verification.EventsChecked);
        var proof = await log.ProveInclusionAsync(Tasks * PerTask / 2, checkpoint);
        Assert.True(log.CheckInclusionProof(checkpoint, proof));
    }

    [PostgresFact]
    public async Task A_reused_id_a_gap_or_a_tree_that_lags_keeps_the_whole_batch_out()
    {
        var store = new PostgreSqlAuditEventStore(Database.ConnectionString);
        static AuditLeaf Leaf(long sequence) => new() { Sequence = sequence, Data = new byte[] { (byte)sequence }, Hashes = [new byte[32]] };
        Assert.Equal(1, await store.TryAppendWithLeavesAsync([AuditEvents.Sealed(1)], [Leaf(1)]));

        var reused = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            await store.TryAppendWithLeavesAsync([AuditEvents.Sealed(2), AuditEvents.Sealed(3, id: "aud_0001")], [Leaf(2), Leaf(3)]));
        var gap = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.TryAppendWithLeavesAsync([AuditEvents.Sealed(3)], [Leaf(3)]));
        Assert.Contains("already in the trail", reused.Message, StringComparison.Ordinal);
        Assert.Contains("would leave a gap after the last, 1", gap.Message, StringComparison.Ordinal);
        Assert.Equal(1, await store.GetTreeSizeAsync());
        Assert.Equal(1, (await store.GetLastAsync())!.Sequence);

        Assert.True(await store.TryAppendAsync(AuditEvents.Sealed(2))); // chain only: event 2 has no leaf yet
        var lagging = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.TryAppendWithLeavesAsync([AuditEvents.Sealed(3)], [Leaf(3)]));
        var skipping = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.TryAddLeafAsync(Leaf(3)));
        Assert.Contains("add the missing leaves first", lagging.Message, StringComparison.Ordinal);
        Assert.Contains("the next is sequence 2, not 3", skipping.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await store.GetLastAsync())!.Sequence);

        Assert.True(await store.TryAddLeafAsync(Leaf(2)));
        Assert.False(await store.TryAddLeafAsync(Leaf(2)));
        var unstored = await Assert.ThrowsAsync<InvalidOperationException>(async () => await store.TryAddLeafAsync(Leaf(3)));
        Assert.Contains("no event with that sequence is stored", unstored.Message, StringComparison.Ordinal);
        Assert.Equal(2, await store.GetTreeSizeAsync());
        Assert.Equal([[(byte)2]], (await store.ReadLeavesAsync(2).ToListAsync()).Select(l => l.Data.ToArray()));
    }

    [PostgresFact]
    public async Task A_step_3_database_with_a_chain_migrates_to_the_tree_and_its_events_get_leaves_at_the_next_record()
    {
        // A database as ExportKit 0.2's PostgreSQL store left it: steps 1-3 and a chain of events without leaves.
        Database.ExecuteInSchema("CREATE TABLE schema_version (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());");
        foreach (var step in PostgreSqlMigrations.All.Where(m => m.Version <= 3))
        {
            Database.ExecuteInSchema(step.Sql);
            Database.ExecuteInSchema($"INSERT INTO schema_version (version, description) VALUES ({step.Version}, 'step');");
        }

        var ids = new SequentialIds();
        var chain = new InMemoryAuditEventStore();
        var old = new AuditTrail(new ChainOnlyAuditStore(chain), TestClock.Create(), ids, new AuditOptions());
        for (var i = 0; i < 3; i++)
        {
            await old.RecordAsync(AuditEvents.Draft(context: new { i }));
        }

        await using (var connection = Database.Open())
        {
            await foreach (var row in chain.ReadChainAsync())
            {
                Assert.True(await AuditAppend.AppendAtHeadAsync(connection, row.Event!, CancellationToken.None));
            }
        }

        var store = new PostgreSqlAuditEventStore(Database.ConnectionString);
        var trail = new AuditTrail(store, TestClock.Create(), ids, new AuditOptions());
        Assert.True((await trail.VerifyAsync()).IsValid);
        Assert.Equal(PostgreSqlMigrator.LatestVersion, Database.Scalar("SELECT max(version) FROM schema_version;"));
        Assert.Equal(0, await store.GetTreeSizeAsync());

        await trail.RecordAsync(AuditEvents.Draft());

        Assert.Equal(4, await store.GetTreeSizeAsync());
        var verification = await trail.VerifyAsync();
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(4, verification.EventsChecked);
    }
}
