using ExportKit.Testing;
using ExportKit.Tests.Sources;

namespace ExportKit.Tests.Engine;

public sealed class ExportEngineTests
{
    [Fact]
    public async Task Written_export_reports_file_details_and_logs_decision_then_generation()
    {
        var engine = new TestEngine();

        var (result, bytes) = await engine.ExportAsync(TestEngine.Query(ExportCategory.CompliancePack));

        Assert.True(result.Succeeded);
        Assert.Equal(result.ExportId + ".json", result.FileName);
        Assert.Equal(bytes.Length, result.SizeBytes);
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes)).ToLowerInvariant(), result.Sha256);
        Assert.Equal(["audit-findings", "drift-events", "sla-compliance"], result.Bundle.Sections.Select(s => s.SectionId));
        var entries = await engine.EntriesAsync();
        Assert.Collection(
            entries,
            e => Assert.True(Assert.IsType<PolicyDecisionEntry>(e).Decision.Allowed),
            e =>
            {
                var generated = Assert.IsType<ExportGeneratedEntry>(e);
                Assert.Equal(result.BundleId, generated.BundleId);
                Assert.Equal(bytes.Length, generated.SizeBytes);
                Assert.Equal(3, generated.SectionsGenerated);
                Assert.Equal(result.Bundle.Metadata.TotalItems, generated.ItemsIncluded);
            });
    }

    [Fact]
    public async Task Denied_export_writes_nothing_and_lists_every_violation()
    {
        var engine = new TestEngine();
        var operatorOfGlobex = new ExportPrincipal("lee", "globex", ["operator"]);

        var (result, bytes) = await engine.ExportAsync(TestEngine.Query(ExportCategory.CompliancePack), operatorOfGlobex);

        Assert.False(result.Succeeded);
        Assert.Equal(ExportErrorCodes.PolicyDenied, result.ErrorCode);
        Assert.Empty(bytes);
        Assert.Equal(
            ["Cross-tenant export access denied", "Compliance pack exports require auditor role or permission"],
            result.Violations.Take(2));
        var entries = await engine.EntriesAsync();
        Assert.False(Assert.IsType<PolicyDecisionEntry>(entries[0]).Decision.Allowed);
        Assert.Equal(ExportErrorCodes.PolicyDenied, Assert.IsType<ExportErrorEntry>(entries[1]).ErrorCode);
    }

    [Fact]
    public async Task A_query_requested_in_someone_elses_name_is_refused_and_logged()
    {
        var engine = new TestEngine();
        var mallory = new ExportPrincipal("mallory", "acme", ["admin"]);

        var (result, bytes) = await engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs), mallory);

        Assert.Equal(ExportErrorCodes.RequesterMismatch, result.ErrorCode);
        Assert.Contains("requested by 'lee' but the principal is 'mallory'", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(bytes);
        Assert.Equal("mallory", Assert.IsType<ExportErrorEntry>(Assert.Single(await engine.EntriesAsync())).RequestedBy);
    }

    [Fact]
    public async Task Writing_over_existing_bytes_hashes_exactly_what_was_written()
    {
        var engine = new TestEngine();
        using var stream = new MemoryStream(new byte[100_000]);
        stream.Position = 0;

        var result = await engine.Engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs, ExportFormat.Csv), TestEngine.Admin(), stream);

        var written = stream.ToArray()[..(int)result.SizeBytes];
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(written)).ToLowerInvariant(), result.Sha256);
        Assert.Equal(result.SizeBytes, stream.Position);
    }

    [Fact]
    public async Task A_failure_into_a_fixed_size_stream_is_still_reported_and_logged()
    {
        var engine = new TestEngine([new ThrowingSource(ExportPhase.Alerts, after: 2)]);
        using var fixedSize = new MemoryStream(new byte[1024], 0, 1024, writable: true, publiclyVisible: true);
        fixedSize.Position = fixedSize.Length;

        var result = await engine.Engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs), TestEngine.Admin(), fixedSize);

        Assert.Equal(ExportErrorCodes.SourceFailed, result.ErrorCode);
        Assert.Single((await engine.EntriesAsync()).OfType<ExportErrorEntry>());
    }

    [Fact]
    public async Task No_principal_is_denied_and_logged_as_anonymous()
    {
        var engine = new TestEngine();
        using var stream = new MemoryStream();

        var result = await engine.Engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs), null, stream);

        Assert.Equal(ExportErrorCodes.PolicyDenied, result.ErrorCode);
        Assert.Contains("No principal", result.Violations.Single(), StringComparison.Ordinal);
        Assert.Equal(0, stream.Length);
        Assert.Equal("anonymous", (await engine.EntriesAsync())[0].UserId);
    }

    [Fact]
    public async Task Unknown_category_names_the_known_ones_and_is_logged()
    {
        var engine = new TestEngine();

        var (result, bytes) = await engine.ExportAsync(TestEngine.Query(new ExportCategory("payroll")));

        Assert.Equal(ExportErrorCodes.UnknownCategory, result.ErrorCode);
        Assert.Contains("Unknown export category 'payroll'", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("compliance-pack", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(bytes);
        Assert.IsType<ExportErrorEntry>(Assert.Single(await engine.EntriesAsync()));
    }

    [Fact]
    public async Task Format_without_formatter_is_refused_with_the_registered_formats()
    {
        var engine = new TestEngine();

        var (result, _) = await engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs, new ExportFormat("yaml", "application/yaml", ".yaml")));

        Assert.Equal(ExportErrorCodes.UnknownFormat, result.ErrorCode);
        Assert.Contains("'yaml'", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("json", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Records_of_another_tenant_from_a_source_are_dropped_counted_and_never_written()
    {
        var acme = TestRecords.All().OfType<Alert>().ToArray();
        var globex = TestRecords.All("globex").OfType<Alert>().ToArray();
        var mixed = acme.Concat(globex).OrderBy(a => a.CreatedAt).ThenBy(a => a.AlertId, StringComparer.Ordinal).ThenBy(a => a.TenantId, StringComparer.Ordinal)
            .Select((a, i) => a.With(it => it.AlertId, $"{a.AlertId}-{i}")).ToArray<PhaseRecord>();
        var engine = new TestEngine([new ListSource(ExportPhase.Alerts, mixed)]);

        var (result, bytes) = await engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs));

        Assert.True(result.Succeeded);
        Assert.Equal(globex.Length, result.RecordsDropped);
        Assert.Equal(acme.Length, result.Bundle.Metadata.TotalItems);
        Assert.DoesNotContain("globex", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(globex.Length, (await engine.EntriesAsync()).OfType<ExportGeneratedEntry>().Single().RecordsDropped);
    }

    [Fact]
    public async Task A_failing_source_gives_an_error_entry_and_cuts_the_stream_back()
    {
        var engine = new TestEngine([new ThrowingSource(ExportPhase.Alerts, after: 3)]);
        using var stream = new MemoryStream();
        stream.Write("existing"u8);

        var result = await engine.Engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs), TestEngine.Admin(), stream);

        Assert.Equal(ExportErrorCodes.SourceFailed, result.ErrorCode);
        Assert.Contains("database connection lost", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("existing"u8.ToArray(), stream.ToArray());
        var error = (await engine.EntriesAsync()).OfType<ExportErrorEntry>().Single();
        Assert.Equal(ExportErrorCodes.SourceFailed, error.ErrorCode);
    }

    [Fact]
    public async Task A_missing_data_source_is_an_error_naming_the_phase()
    {
        var engine = new TestEngine([new ListSource(ExportPhase.Alerts)]);

        var (result, bytes) = await engine.ExportAsync(TestEngine.Query(ExportCategory.CompliancePack));

        Assert.Equal(ExportErrorCodes.MissingDataSource, result.ErrorCode);
        Assert.Contains("Phase 50: Audit & Governance Engine", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(bytes);
    }

    [Fact]
    public async Task Cancellation_is_logged_as_an_error_and_writes_nothing()
    {
        var engine = new TestEngine();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        using var stream = new MemoryStream();

        var result = await engine.Engine.ExportAsync(TestEngine.Query(ExportCategory.FullOperational), TestEngine.Admin(), stream, cancelled.Token);

        Assert.Equal(ExportErrorCodes.Cancelled, result.ErrorCode);
        Assert.Equal(0, stream.Length);
        Assert.Equal(ExportErrorCodes.Cancelled, (await engine.EntriesAsync()).OfType<ExportErrorEntry>().Single().ErrorCode);
    }

    [Fact]
    public async Task Long_range_export_with_permission_carries_the_warning()
    {
        var query = TestEngine.Query(ExportCategory.AlertLogs) with { TimeRange = new ExportTimeRange(TestClock.Now.AddDays(-120), TestClock.Now) };

        var (result, _) = await new TestEngine().ExportAsync(query);

        Assert.True(result.Succeeded);
        Assert.Equal(["Long-range exports may have reduced data availability or increased generation time"], result.Warnings);
    }

    [Fact]
    public async Task Default_time_range_is_the_thirty_days_before_now()
    {
        var query = TestEngine.Query(ExportCategory.AlertLogs) with { TimeRange = null };

        var (result, _) = await new TestEngine().ExportAsync(query);

        Assert.Equal(new ExportTimeRange(TestClock.Now.AddDays(-30), TestClock.Now), result.Bundle!.TimeRange);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("zip")]
    [InlineData("auditor-package")]
    public async Task Seekable_and_forward_only_destinations_get_the_same_bytes_and_checksum(string format)
    {
        ExportFormat.TryGetBuiltIn(format, out var exportFormat);
        var query = TestEngine.Query(ExportCategory.CompliancePack, exportFormat);
        using var seekable = new MemoryStream();
        seekable.Write("prefix"u8);
        using var forwardOnly = new ForwardOnlyStream();

        var direct = await new TestEngine().Engine.ExportAsync(query, TestEngine.Admin(), seekable);
        var wrapped = await new TestEngine().Engine.ExportAsync(query, TestEngine.Admin(), forwardOnly);

        Assert.True(direct.Succeeded && wrapped.Succeeded);
        Assert.Equal(forwardOnly.Inner.ToArray(), seekable.ToArray()[6..]);
        Assert.Equal(wrapped.Sha256, direct.Sha256);
        Assert.Equal(forwardOnly.Inner.Length, direct.SizeBytes);
        Assert.Equal(seekable.Length, seekable.Position);
    }

    [Fact]
    public async Task Download_is_logged()
    {
        var engine = new TestEngine();
        var (result, _) = await engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs));

        await engine.Engine.RecordDownloadAsync(new ExportDownload("acme", result.ExportId!, "lee"));

        var entry = Assert.IsType<ExportDownloadedEntry>((await engine.EntriesAsync())[^1]);
        Assert.Equal(("acme", "lee", result.SizeBytes, TestClock.Now), (entry.TenantId, entry.DownloadedBy, entry.SizeBytes, entry.Timestamp));
        Assert.Equal((result.BundleId, "json", result.FileName), (entry.BundleId, entry.Format, entry.FileName));
    }

    [Fact]
    public async Task Arguments_are_guarded()
    {
        var engine = new TestEngine().Engine;

        await Assert.ThrowsAsync<ArgumentNullException>(() => engine.ExportAsync(null!, TestEngine.Admin(), Stream.Null));
        await Assert.ThrowsAsync<ArgumentNullException>(() => engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs), TestEngine.Admin(), null!));
        using var readOnly = new MemoryStream([], writable: false);
        var error = await Assert.ThrowsAsync<ArgumentException>(() => engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs), TestEngine.Admin(), readOnly));
        Assert.Contains("not writable", error.Message, StringComparison.Ordinal);
    }

    private sealed class ForwardOnlyStream : Stream
    {
        public MemoryStream Inner { get; } = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => Inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => Inner.Write(buffer, offset, count);
    }
}
