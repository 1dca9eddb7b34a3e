using System.Diagnostics.CodeAnalysis;
using ExportKit.Audit;
using ExportKit.Sources;
using ExportKit.Testing;
using ExportKit.Tests.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Tests.Faults;

/// <summary>
/// Issue "every promise holds under attack", bookkeeping: an export is recorded only once its bytes are in place, a
/// refused record or a failing destination is a failed result with one error entry and no file, and no expected
/// failure escapes as an exception.
/// </summary>
public sealed class BookkeepingFaultTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "exportkit-faults-" + Guid.NewGuid().ToString("N"));
    private readonly InMemoryExportRegistry registry = new();
    private readonly InMemoryAuditEventStore events = new();
    private readonly AuditTrail trail;

    public BookkeepingFaultTests() => trail = new AuditTrail(events, TestClock.Create(), new SequentialIds(), new AuditOptions());

    [Fact]
    public async Task A_registry_that_refuses_the_record_leaves_no_file_and_no_generated_entry()
    {
        var log = new InMemoryExportLogStore();
        var engine = Engine(log, new RefusingRegistry());

        var result = await engine.ExportToDirectoryAsync(Query(), TestEngine.Admin(), directory);

        Assert.Equal(ExportErrorCodes.RecordFailed, result.ErrorCode);
        Assert.Contains("export registry refused", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
        await AssertOneDecisionAndOneErrorAsync(log, ExportErrorCodes.RecordFailed);
        Assert.Empty(await ListAsync(events.ReadChainAsync()));
        Assert.Equal(0, (await log.GetStatisticsAsync(TestClock.Now)).TotalExports);
    }

    [Fact]
    public async Task An_audit_trail_that_refuses_the_event_leaves_no_file_and_no_generated_entry()
    {
        var log = new InMemoryExportLogStore();
        var engine = Engine(log, registry, new AuditTrail(new RefusingAuditEventStore(), TestClock.Create(), new SequentialIds(), new AuditOptions()));

        var result = await engine.ExportToDirectoryAsync(Query(), TestEngine.Admin(), directory);

        Assert.Equal(ExportErrorCodes.RecordFailed, result.ErrorCode);
        Assert.Contains("audit trail refused", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
        await AssertOneDecisionAndOneErrorAsync(log, ExportErrorCodes.RecordFailed);
    }

    [Fact]
    public async Task A_log_that_refuses_the_generated_entry_leaves_no_file()
    {
        var log = new RefusingLogStore(ExportLogEntryTypes.ExportGenerated);
        var engine = Engine(log, registry);

        var result = await engine.ExportToDirectoryAsync(Query(), TestEngine.Admin(), directory);

        Assert.Equal(ExportErrorCodes.RecordFailed, result.ErrorCode);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
        await AssertOneDecisionAndOneErrorAsync(log.Kept, ExportErrorCodes.RecordFailed);
    }

    [Fact]
    public async Task A_log_that_refuses_the_policy_decision_stops_the_export_before_any_byte()
    {
        var log = new RefusingLogStore(ExportLogEntryTypes.PolicyDecision);
        var engine = Engine(log, registry);

        var result = await engine.ExportToDirectoryAsync(Query(), TestEngine.Admin(), directory);

        Assert.Equal(ExportErrorCodes.RecordFailed, result.ErrorCode);
        Assert.Contains("policy decision could not be written", result.ErrorMessage, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
    }

    [Fact]
    public async Task A_log_that_refuses_everything_still_gives_a_failed_result_not_an_exception()
    {
        var engine = Engine(new RefusingLogStore(ExportLogEntryTypes.PolicyDecision), new RefusingRegistry());
        var denied = await engine.ExportAsync(Query(), principal: null, new MemoryStream());

        Assert.Equal(ExportErrorCodes.RecordFailed, denied.ErrorCode);
    }

    [Fact]
    public async Task An_existing_file_with_other_bytes_is_never_overwritten_and_nothing_is_recorded()
    {
        var log = new InMemoryExportLogStore();
        var engine = Engine(log, registry);
        Directory.CreateDirectory(directory);
        var occupied = Path.Combine(directory, "exp_0001.json");
        await File.WriteAllTextAsync(occupied, "someone else's file");

        var result = await engine.ExportToDirectoryAsync(Query(), TestEngine.Admin(), directory);

        Assert.Equal(ExportErrorCodes.StorageFailed, result.ErrorCode);
        Assert.Contains("never overwrites", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("someone else's file", await File.ReadAllTextAsync(occupied));
        Assert.Equal([occupied], Directory.GetFileSystemEntries(directory));
        Assert.Null(await registry.FindAsync("acme", "exp_0001"));
        Assert.Empty(await ListAsync(events.ReadChainAsync()));
        await AssertOneDecisionAndOneErrorAsync(log, ExportErrorCodes.StorageFailed);
    }

    [Fact]
    public async Task A_directory_that_cannot_be_created_is_a_logged_failure_not_an_exception()
    {
        // A path under a regular file cannot be created even by root: the stand-in for a read-only destination.
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "not-a-directory");
        await File.WriteAllTextAsync(file, "x");
        var log = new InMemoryExportLogStore();

        var result = await Engine(log, registry).ExportToDirectoryAsync(Query(), TestEngine.Admin(), Path.Combine(file, "exports"));

        Assert.Equal(ExportErrorCodes.StorageFailed, result.ErrorCode);
        Assert.Contains("could not be opened for writing", result.ErrorMessage, StringComparison.Ordinal);
        await AssertOneDecisionAndOneErrorAsync(log, ExportErrorCodes.StorageFailed);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("html")]
    [InlineData("markdown")]
    [InlineData("zip")]
    [InlineData("auditor-package")]
    public async Task A_full_disk_is_a_storage_failure_with_the_stream_cut_back(string format)
    {
        var log = new InMemoryExportLogStore();
        ExportFormat.TryGetBuiltIn(format, out var exportFormat);
        using var disk = new FullDiskStream(capacity: 600);
        disk.Write("kept"u8);

        var result = await Engine(log, registry).ExportAsync(Query(exportFormat), TestEngine.Admin(), disk);

        Assert.Equal(ExportErrorCodes.StorageFailed, result.ErrorCode);
        Assert.Contains("No space left on device", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("kept"u8.ToArray(), disk.ToArray());
        await AssertOneDecisionAndOneErrorAsync(log, ExportErrorCodes.StorageFailed);
    }

    [Fact]
    public async Task A_cleanup_that_fails_too_is_reported_in_the_one_error_entry_not_thrown()
    {
        var log = new InMemoryExportLogStore();
        using var disk = new FullDiskStream(capacity: 600, failTruncation: true);

        var result = await Engine(log, registry).ExportAsync(Query(), TestEngine.Admin(), disk);

        Assert.Equal(ExportErrorCodes.StorageFailed, result.ErrorCode);
        Assert.Contains("could not be cut back", result.ErrorMessage, StringComparison.Ordinal);
        await AssertOneDecisionAndOneErrorAsync(log, ExportErrorCodes.StorageFailed);
    }

    [Fact]
    public async Task A_full_forward_only_stream_is_a_storage_failure()
    {
        var log = new InMemoryExportLogStore();

        await using var full = new FullForwardOnlyStream(capacity: 100);
        var result = await Engine(log, registry).ExportAsync(Query(ExportFormat.Csv), TestEngine.Admin(), full);

        Assert.Equal(ExportErrorCodes.StorageFailed, result.ErrorCode);
        await AssertOneDecisionAndOneErrorAsync(log, ExportErrorCodes.StorageFailed);
    }

    [Fact]
    public async Task A_policy_rule_that_throws_denies()
    {
        var engine = Engine(new InMemoryExportLogStore(), registry, configure: b => b.AddPolicyRule(new ThrowingRule()));

        var result = await engine.ExportAsync(Query(), TestEngine.Admin(), new MemoryStream());

        Assert.Equal(ExportErrorCodes.PolicyDenied, result.ErrorCode);
        Assert.Contains(result.Violations, v => v.Contains("rule exploded", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_host_policy_engine_that_throws_is_a_failed_result_not_an_exception()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IExportPolicyEngine, ThrowingPolicyEngine>();
        services.AddExportKit().AddDataSource(new InMemoryPhaseDataSource(ExportPhase.Alerts, TestRecords.All().Where(r => r.Phase == ExportPhase.Alerts)));
        using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<IExportEngine>().ExportAsync(Query(), TestEngine.Admin(), new MemoryStream());

        Assert.Equal(ExportErrorCodes.PolicyFailed, result.ErrorCode);
        Assert.Contains("policy engine exploded", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_export_leaves_no_file()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var result = await Engine(new InMemoryExportLogStore(), registry).ExportToDirectoryAsync(Query(), TestEngine.Admin(), directory, cancellation.Token);

        Assert.Equal(ExportErrorCodes.Cancelled, result.ErrorCode);
        Assert.Empty(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public async Task A_reproducible_export_repeated_keeps_one_identical_file_and_succeeds()
    {
        var first = await Engine(new InMemoryExportLogStore(), registry).ExportToDirectoryAsync(Query(), TestEngine.Admin(), directory);
        var bytes = await File.ReadAllBytesAsync(Path.Combine(directory, first.FileName!));

        var second = await Engine(new InMemoryExportLogStore(), registry).ExportToDirectoryAsync(Query(), TestEngine.Admin(), directory);

        Assert.True(second.Succeeded, second.ErrorMessage);
        Assert.Equal(first.FileName, second.FileName);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(directory, second.FileName)));
        Assert.Single(Directory.GetFileSystemEntries(directory));
    }

    [Fact]
    public async Task An_export_id_already_recorded_for_other_bytes_is_refused_before_anything_is_placed()
    {
        var first = await Engine(new InMemoryExportLogStore(), registry).ExportToDirectoryAsync(Query(), TestEngine.Admin(), directory);
        var log = new InMemoryExportLogStore();
        var other = Path.Combine(directory, "other");

        // Same id generator state, different content: a CSV named with the same export id.
        var second = await Engine(log, registry).ExportToDirectoryAsync(Query(ExportFormat.Csv), TestEngine.Admin(), other);

        Assert.Equal(ExportErrorCodes.RecordFailed, second.ErrorCode);
        Assert.Contains("already recorded for another file", second.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(other));
        Assert.True(File.Exists(Path.Combine(directory, first.FileName!)));
        await AssertOneDecisionAndOneErrorAsync(log, ExportErrorCodes.RecordFailed);
    }

    public void Dispose()
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static ExportQuery Query(ExportFormat? format = null) => TestEngine.Query(ExportCategory.AlertLogs, format);

    private static async Task AssertOneDecisionAndOneErrorAsync(InMemoryExportLogStore log, string code)
    {
        var entries = await ListAsync(log.ReadAsync());
        Assert.Collection(
            entries,
            e => Assert.IsType<PolicyDecisionEntry>(e),
            e => Assert.Equal(code, Assert.IsType<ExportErrorEntry>(e).ErrorCode));
    }

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    private IExportEngine Engine(IExportLogStore log, IExportRegistry exportRegistry, IAuditTrail? auditTrail = null, Action<ExportEngineBuilder>? configure = null)
    {
        // Sequential ids from 1 for every engine: the same export gets the same id, as with a fixed --now.
        var ids = new SequentialIds();
        var builder = new ExportEngineBuilder()
            .UseTimeProvider(TestClock.Create())
            .UseIdGenerator(ids)
            .UseLogStore(log)
            .UseRegistry(exportRegistry)
            .UseAuditTrail(auditTrail ?? trail);
        foreach (var source in InMemoryPhaseDataSource.ForEachPhase(TestRecords.All()))
        {
            builder.AddDataSource(source);
        }

        configure?.Invoke(builder);
        return builder.Build();
    }

    [SuppressMessage("Performance", "CA1812:Avoid uninstantiated internal classes", Justification = "The service provider makes it (AddSingleton<IExportPolicyEngine, ThrowingPolicyEngine>).")]
    private sealed class ThrowingPolicyEngine : IExportPolicyEngine
    {
        public PolicyDecision Evaluate(ExportQuery query, ExportPrincipal? principal, ExportTimeRange timeRange) => throw new InvalidOperationException("policy engine exploded");
    }

    private sealed class ThrowingRule : IExportPolicyRule
    {
        public string Name => "throwing";

        public void Evaluate(PolicyEvaluationContext context) => throw new InvalidOperationException("rule exploded");
    }
}
