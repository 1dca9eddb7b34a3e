using ExportKit.Audit;
using ExportKit.Testing;

namespace ExportKit.Storage.Sqlite.Tests.Backup;

public sealed class SqliteBackupTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly TempDatabase restored = new();

    public void Dispose()
    {
        database.Dispose();
        restored.Dispose();
    }

    [Fact]
    public async Task A_backup_taken_while_the_trail_writes_is_a_consistent_log_that_restores()
    {
        using var store = new SqliteAuditEventStore(database.ConnectionString);
        var trail = new AuditTrail(store, TestClock.Create(), new SequentialIds(), new AuditOptions());
        await trail.RecordAsync(new AuditEventDraft { EventType = "user.updated", TenantId = "acme" });
        var backupPath = database.Path + ".backup";
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 40; i++)
            {
                await trail.RecordAsync(new AuditEventDraft { EventType = "user.updated", TenantId = "acme", Request = new RequestMetadata { IpAddress = "203.0.113.1" } });
            }
        });

        await SqliteBackup.BackupAsync(database.ConnectionString, backupPath);
        await writing;

        Assert.Empty(await SqliteBackup.CheckIntegrityAsync(backupPath));
        await SqliteBackup.RestoreAsync(backupPath, restored.ConnectionString);
        using var copy = new SqliteAuditEventStore(restored.ConnectionString);
        var verification = await new AuditTrail(copy, TestClock.Create(), new SequentialIds(), new AuditOptions()).VerifyAsync();
        Assert.True(verification.IsValid, verification.Message);
        Assert.InRange(verification.EventsChecked, 1, 41);
        File.Delete(backupPath);
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_and_the_target_is_not_touched()
    {
        var backupPath = database.Path + ".bad";
        await File.WriteAllBytesAsync(backupPath, new byte[4096]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => SqliteBackup.RestoreAsync(backupPath, restored.ConnectionString));

        Assert.Contains("Nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(restored.Path));
        File.Delete(backupPath);
    }
}
