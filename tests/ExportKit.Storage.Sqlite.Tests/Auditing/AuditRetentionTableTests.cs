using ExportKit.Audit;
using ExportKit.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ExportKit.Storage.Sqlite.Tests.Auditing;

/// <summary>
/// Schema step 5 lets the database delete audit rows only at or below the retention cut it recorded; a plain DELETE of
/// recent history, a change to the retention table, or a cut that goes back or takes the newest event is refused.
/// </summary>
public sealed class AuditRetentionTableTests : IDisposable
{
    private static readonly string SigningKey = AuditTransparencyOptions.GenerateSigningKey("example.com/audit");

    private readonly TempDatabase database = new();
    private readonly FakeTimeProvider clock = TestClock.Create();

    public void Dispose() => database.Dispose();

    /// <summary>Records six events a day apart, signs a checkpoint and prunes the first three.</summary>
    private async Task PruneThreeAsync()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        var trail = new AuditTrail(store, clock, new SequentialIds(), new AuditOptions());
        var log = new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = SigningKey });
        var times = new List<DateTimeOffset>();
        for (var i = 0; i < 6; i++)
        {
            clock.Advance(TimeSpan.FromDays(1));
            times.Add((await trail.RecordAsync(new AuditEventDraft { EventType = "user.updated", TenantId = "acme", Request = new RequestMetadata { IpAddress = "203.0.113.5" } }))!.Timestamp);
        }

        Assert.Equal(3, await log.PruneAsync(times[3], await log.CreateCheckpointAsync()));
    }

    private async Task<bool> VerifiesAsync()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        var trail = new AuditTrail(store, clock, new SequentialIds(), new AuditOptions());
        return (await new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = SigningKey }).VerifyAsync()).IsValid;
    }

    [Theory]
    [InlineData("DELETE FROM audit_events WHERE sequence = 4;")]
    [InlineData("DELETE FROM audit_events;")]
    [InlineData("DELETE FROM audit_leaves WHERE sequence = 5;")]
    [InlineData("DELETE FROM audit_commitments WHERE sequence = 6;")]
    [InlineData("DELETE FROM audit_tree_hashes WHERE hash_index = 0;")]
    [InlineData("DELETE FROM audit_retention;")]
    [InlineData("UPDATE audit_retention SET cut = 6;")]
    [InlineData("UPDATE audit_retention SET checkpoint = 'x';")]
    [InlineData("INSERT INTO audit_retention SELECT 2, previous_hash, pruned_before, pruned_at, checkpoint FROM audit_retention;")]
    [InlineData("INSERT INTO audit_retention SELECT 7, (SELECT hash FROM audit_events WHERE sequence = 7), pruned_before, pruned_at, checkpoint FROM audit_retention;")]
    [InlineData("INSERT INTO audit_retention SELECT 5, 'not the hash', pruned_before, pruned_at, checkpoint FROM audit_retention;")]
    [InlineData("INSERT OR REPLACE INTO audit_retention SELECT 3, previous_hash, pruned_before, pruned_at, 'x' FROM audit_retention;")]
    public async Task After_pruning_the_database_still_refuses_to_delete_recent_history_or_change_the_retention_record(string sql)
    {
        await PruneThreeAsync();
        database.ClosePool();

        Assert.Throws<SqliteException>(() => database.Scalar(sql));

        Assert.Equal(4L, database.Scalar("SELECT min(sequence) FROM audit_events;"));
        Assert.True(await VerifiesAsync());
    }

    [Fact]
    public async Task A_plain_delete_of_audit_rows_is_refused_before_anything_was_pruned()
    {
        await RecordOnlyAsync();
        database.ClosePool();

        Assert.Throws<SqliteException>(() => database.Scalar("DELETE FROM audit_events WHERE sequence = 1;"));
        Assert.Throws<SqliteException>(() => database.Scalar("DELETE FROM audit_leaves WHERE sequence = 1;"));
        Assert.Equal(2L, database.Scalar("SELECT count(*) FROM audit_events;"));
    }

    [Fact]
    public async Task Pruning_keeps_every_tree_hash_and_deletes_the_pruned_rows_content()
    {
        await PruneThreeAsync();
        database.ClosePool();

        Assert.Equal(0L, database.Scalar("SELECT count(*) FROM audit_events WHERE sequence <= 3;"));
        Assert.Equal(0L, database.Scalar("SELECT count(*) FROM audit_leaves WHERE sequence <= 3;"));
        Assert.Equal(0L, database.Scalar("SELECT count(*) FROM audit_commitments WHERE sequence <= 3;"));
        Assert.Equal(0L, database.Scalar("SELECT count(*) FROM audit_events WHERE request_ip_address = '203.0.113.5' AND sequence <= 3;"));
        Assert.Equal(11L, database.Scalar("SELECT count(*) FROM audit_tree_hashes;")); // 7 leaves (the pruning is the 7th event) store 2·7 − popcount(7) = 11 hashes: none deleted
        Assert.Equal(3L, database.Scalar("SELECT cut FROM audit_retention;"));
    }

    private async Task RecordOnlyAsync()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        var trail = new AuditTrail(store, clock, new SequentialIds(), new AuditOptions());
        await trail.RecordAsync(new AuditEventDraft { EventType = "user.updated", TenantId = "acme" });
        await trail.RecordAsync(new AuditEventDraft { EventType = "user.updated", TenantId = "acme" });
    }
}
