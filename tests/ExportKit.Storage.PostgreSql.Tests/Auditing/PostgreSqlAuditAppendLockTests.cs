using ExportKit.Audit;
using ExportKit.Storage.Contracts;
using ExportKit.Testing;
using Npgsql;

namespace ExportKit.Storage.PostgreSql.Tests.Auditing;

/// <summary>
/// The append lock (<see cref="IAuditAppendLock"/>) when the process holding it dies: its connection goes, the server
/// releases the transaction's advisory lock with it, the writer waiting behind it appends, nothing of the dead holder's
/// session is kept, and the chain verifies.
/// </summary>
public sealed class PostgreSqlAuditAppendLockTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TestDatabase? database = TestDatabase.SkipReason is null ? new TestDatabase() : null;

    private TestDatabase Database => database!;

    public void Dispose() => database?.Dispose();

    [PostgresFact]
    public async Task A_holder_killed_with_the_lock_releases_it_the_waiting_writer_appends_and_the_chain_verifies()
    {
        var ids = new SequentialIds();
        var holder = new PostgreSqlAuditEventStore(Database.ConnectionString);
        var waiterName = "exportkit-waiter-" + Guid.NewGuid().ToString("N")[..12];
        var waiter = new PostgreSqlAuditEventStore(new NpgsqlConnectionStringBuilder(Database.ConnectionString) { ApplicationName = waiterName }.ConnectionString);
        await new AuditTrail(holder, TestClock.Create(), ids, new AuditOptions()).RecordAsync(AuditEvents.Draft());

        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var holding = holder.AppendUnderLockAsync(async (session, cancellationToken) =>
        {
            entered.SetResult();
            await release.Task.WaitAsync(Patience, cancellationToken);
            return (await session.ReadHashesAsync([0], cancellationToken)).Count; // its connection is gone by now
        }).AsTask();
        await entered.Task.WaitAsync(Patience);

        var waiting = Task.Run(() => new AuditTrail(waiter, TestClock.Create(), ids, new AuditOptions()).RecordAsync(AuditEvents.Draft()));
        await KillTheBackendBlockingAsync(waiterName);

        Assert.Equal(2, (await waiting.WaitAsync(Patience))!.Sequence);
        release.SetResult();
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => holding.WaitAsync(Patience)); // its session could not go on

        // The dead holder's process is gone; a new one on the same database appends on and the chain holds.
        var again = new AuditTrail(new PostgreSqlAuditEventStore(Database.ConnectionString), TestClock.Create(), ids, new AuditOptions());
        Assert.Equal(3, (await again.RecordAsync(AuditEvents.Draft()))!.Sequence);
        var verification = await again.VerifyAsync();
        Assert.True(verification.IsValid, verification.Message);
        Assert.Equal(3, verification.EventsChecked);
    }

    // Like killing the holding process: its backend ends and the server rolls its transaction back.
    private static async Task KillTheBackendBlockingAsync(string waiterName)
    {
        await using var admin = new NpgsqlConnection(TestDatabase.ServerConnectionString);
        await admin.OpenAsync();
        for (var i = 0; i < 300; i++)
        {
            await using (var clear = new NpgsqlCommand("SELECT pg_stat_clear_snapshot();", admin))
            {
                await clear.ExecuteNonQueryAsync();
            }

            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(b)) FROM pg_stat_activity AS a, unnest(pg_blocking_pids(a.pid)) AS b WHERE a.application_name = @name;", admin);
            kill.Parameters.AddWithValue("name", waiterName);
            if (Convert.ToInt64(await kill.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("The waiting writer never blocked on the holder's lock.");
    }
}
