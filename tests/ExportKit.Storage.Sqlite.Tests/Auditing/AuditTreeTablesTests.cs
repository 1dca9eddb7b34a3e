using ExportKit.Audit;
using ExportKit.Testing;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite.Tests.Auditing;

/// <summary>The database itself keeps the transparency log append-only: the only change it allows is erasing a salt.</summary>
public sealed class AuditTreeTablesTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    private async Task RecordAsync()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        var trail = new AuditTrail(store, TestClock.Create(), new SequentialIds(), new AuditOptions());
        await trail.RecordAsync(new AuditEventDraft { EventType = "user.updated", TenantId = "acme", Request = new RequestMetadata { IpAddress = "203.0.113.5" } });
        await trail.RecordAsync(new AuditEventDraft { EventType = "user.updated", TenantId = "acme" });
    }

    [Theory]
    [InlineData("UPDATE audit_tree_hashes SET hash = zeroblob(32) WHERE hash_index = 0;")]
    [InlineData("DELETE FROM audit_tree_hashes;")]
    [InlineData("INSERT OR REPLACE INTO audit_tree_hashes (hash_index, hash) VALUES (0, zeroblob(32));")]
    [InlineData("UPDATE audit_leaves SET data = x'00' WHERE sequence = 1;")]
    [InlineData("DELETE FROM audit_leaves;")]
    [InlineData("UPDATE audit_commitments SET commitment = zeroblob(32);")]
    [InlineData("UPDATE audit_commitments SET salt = zeroblob(32);")]
    [InlineData("DELETE FROM audit_commitments;")]
    [InlineData("INSERT INTO audit_tree_hashes (hash_index, hash) VALUES (99, x'00');")]
    [InlineData("UPDATE audit_events SET tenant_id = 'globex' WHERE sequence = 1;")]
    [InlineData("UPDATE audit_events SET request_ip_address = '192.0.2.1' WHERE sequence = 1;")]
    [InlineData("UPDATE audit_events SET context_json = '{}' WHERE sequence = 2;")]
    [InlineData("DELETE FROM audit_events WHERE sequence = 2;")]
    public async Task The_database_refuses_to_change_the_tree(string sql)
    {
        await RecordAsync();
        database.ClosePool();

        Assert.Throws<SqliteException>(() => database.Scalar(sql));

        using var store = new SqliteAuditEventStore(database.ConnectionString);
        Assert.True((await new AuditTrail(store, TestClock.Create(), new SequentialIds(), new AuditOptions()).VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task Erasing_a_salt_is_the_one_change_allowed()
    {
        await RecordAsync();
        database.ClosePool();

        database.Scalar("UPDATE audit_commitments SET salt = NULL WHERE field = 'ip_address';");

        Assert.Equal(1L, database.Scalar("SELECT count(*) FROM audit_commitments WHERE salt IS NULL;"));
    }
}
