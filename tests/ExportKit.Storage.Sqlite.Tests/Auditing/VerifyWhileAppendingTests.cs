using ExportKit.Audit;
using ExportKit.Testing;

namespace ExportKit.Storage.Sqlite.Tests.Auditing;

/// <summary>
/// Verification reads the chain and the tree's leaves on two connections, each a bounded number of rows ahead of the
/// checks, while other writers — another store on the same file, as another process would — go on appending. A
/// verification that starts while the log grows must still find it valid: the events appended during the pass are
/// not a tampered tree.
/// </summary>
public sealed class VerifyWhileAppendingTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task Verifying_while_another_process_appends_reports_a_valid_chain_every_time()
    {
        using var writing = new SqliteAuditEventStore(database.ConnectionString);
        using var verifying = new SqliteAuditEventStore(database.ConnectionString);
        var writer = new AuditTrail(writing, TestClock.Create(), new SequentialIds(), new AuditOptions());
        var verifier = new AuditTrail(verifying, TestClock.Create(), new SequentialIds(), new AuditOptions());
        var draft = new AuditEventDraft
        {
            EventType = AuditEventTypes.UserUpdated,
            TenantId = "acme",
            UserId = "user-1",
            Request = new RequestMetadata { IpAddress = "203.0.113.7", UserAgent = "test" },
        };
        for (var i = 0; i < 600; i++)
        {
            await writer.RecordAsync(draft);
        }

        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var appending = Task.Run(async () =>
        {
            var appended = 0;
            while (!stop.IsCancellationRequested)
            {
                await writer.RecordAsync(draft);
                appended++;
                started.TrySetResult();
            }

            return appended;
        });
        await started.Task;

        var verifications = new List<AuditChainVerification>();
        for (var i = 0; i < 8; i++)
        {
            verifications.Add(await verifier.VerifyAsync());
        }

        await stop.CancelAsync();
        var appendedMeanwhile = await appending;

        Assert.True(appendedMeanwhile > 0, "Nothing was appended while verifying: the test did not reach the case it is about.");
        Assert.All(verifications, v => Assert.True(v.IsValid, v.Message));
        Assert.All(verifications, v => Assert.True(v.EventsChecked >= 600));
        Assert.True((await verifier.VerifyAsync()).IsValid);
    }
}
