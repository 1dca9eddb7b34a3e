using ExportKit.Testing;

namespace ExportKit.Tests.Fluent;

public sealed class ExportRequestTests
{
    private static readonly ExportPrincipal Dana = new("user-7", "acme", ["auditor"]);
    private static readonly DateTimeOffset Start = TestClock.Now.AddDays(-7);

    private readonly CapturingEngine engine = new();

    [Fact]
    public async Task Writes_the_described_export_through_the_engine()
    {
        using var destination = new MemoryStream();
        using var cts = new CancellationTokenSource();

        var result = await engine.Export(ExportCategory.CompliancePack)
            .As(ExportFormat.Csv)
            .ForTenant("acme", "f1")
            .Between(Start, TestClock.Now)
            .By(Dana)
            .WriteToAsync(destination, cts.Token);

        Assert.Same(CapturingEngine.Result, result);
        Assert.Equal(1, engine.Calls);
        var query = engine.Query!;
        Assert.Equal(ExportCategory.CompliancePack, query.Category);
        Assert.Equal(ExportFormat.Csv, query.Format);
        Assert.Equal(new ExportScope("acme", "f1"), query.Scope);
        Assert.Equal(new ExportTimeRange(Start, TestClock.Now), query.TimeRange);
        Assert.Equal("user-7", query.RequestedBy);
        Assert.Null(query.QueryId);
        Assert.Same(Dana, engine.Principal);
        Assert.Same(destination, engine.Destination);
        Assert.Equal(cts.Token, engine.CancellationToken);
    }

    [Fact]
    public void Defaults_to_json_all_facilities_and_the_engines_time_range()
    {
        var query = engine.Export(ExportCategory.Reports).ForTenant("acme").By(Dana).ToQuery();

        Assert.Equal(ExportFormat.Json, query.Format);
        Assert.Equal(new ExportScope("acme"), query.Scope);
        Assert.Null(query.TimeRange);
    }

    [Fact]
    public void Steps_may_come_in_any_order()
    {
        var query = engine.Export(ExportCategory.Reports).By(Dana).Between(Start, TestClock.Now).ForTenant("acme").As(ExportFormat.Html).ToQuery();

        Assert.Equal(ExportFormat.Html, query.Format);
        Assert.Equal("acme", query.Scope.TenantId);
    }

    [Fact]
    public void Each_step_returns_a_new_request_and_leaves_the_old_one_as_it_was()
    {
        var partial = engine.Export(ExportCategory.Reports).ForTenant("acme").By(Dana);

        var csv = partial.As(ExportFormat.Csv);
        var other = partial.ForTenant("globex");

        Assert.Equal(ExportFormat.Json, partial.Format);
        Assert.Equal("acme", partial.Scope!.TenantId);
        Assert.Equal(ExportFormat.Csv, csv.Format);
        Assert.Equal("globex", other.Scope!.TenantId);
        Assert.Equal(ExportFormat.Json, other.Format);
    }

    [Fact]
    public void In_federation_keeps_the_tenant_and_facility_and_for_tenant_keeps_the_federation()
    {
        var request = engine.Export(ExportCategory.ExecutiveSummary).ForTenant("acme", "f1").InFederation("fed-1");

        Assert.Equal(new ExportScope("acme", "f1", "fed-1"), request.Scope);
        Assert.Equal(new ExportScope("globex", null, "fed-1"), request.ForTenant("globex").Scope);
    }

    [Fact]
    public void In_federation_before_for_tenant_says_to_call_for_tenant_first()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => engine.Export(ExportCategory.ExecutiveSummary).InFederation("fed-1"));

        Assert.StartsWith("Call ForTenant(...) before InFederation(...)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_tenant_nothing_reaches_the_engine()
    {
        var request = engine.Export(ExportCategory.Reports).By(Dana);

        var ex = Assert.Throws<InvalidOperationException>(request.ToQuery);
        await Assert.ThrowsAsync<InvalidOperationException>(() => request.WriteToAsync(Stream.Null));

        Assert.Equal("The export has no tenant: call ForTenant(tenantId) before writing it.", ex.Message);
        Assert.Equal(0, engine.Calls);
    }

    [Fact]
    public async Task Without_a_principal_nothing_reaches_the_engine()
    {
        var request = engine.Export(ExportCategory.Reports).ForTenant("acme");

        var ex = Assert.Throws<InvalidOperationException>(request.ToQuery);
        await Assert.ThrowsAsync<InvalidOperationException>(() => request.WriteToAsync(Stream.Null));

        Assert.StartsWith("The export has no principal: call By(principal) before writing it", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, engine.Calls);
    }

    [Fact]
    public void Refuses_null_and_blank_arguments()
    {
        var request = engine.Export(ExportCategory.Reports);

        Assert.Throws<ArgumentNullException>(() => ((IExportEngine)null!).Export(ExportCategory.Reports));
        Assert.Throws<ArgumentNullException>(() => engine.Export(null!));
        Assert.Throws<ArgumentNullException>(() => request.As(null!));
        Assert.Throws<ArgumentNullException>(() => request.By(null!));
        Assert.Throws<ArgumentException>(() => request.ForTenant(" "));
        Assert.Throws<ArgumentException>(() => request.ForTenant("acme", ""));
    }

    [Fact]
    public void Refuses_a_range_that_ends_before_it_starts() =>
        Assert.Throws<ArgumentException>(() => engine.Export(ExportCategory.Reports).Between(TestClock.Now, Start));

    [Fact]
    public void Run_id_and_query_id_reach_the_query()
    {
        var query = engine.Export(ExportCategory.Reports).ForTenant("acme").By(Dana).WithRunId("run-42").WithQueryId("req-7").ToQuery();

        Assert.Equal("run-42", query.RunId);
        Assert.Equal("req-7", query.QueryId);
    }

    [Fact]
    public void A_blank_run_or_query_id_is_refused_naming_the_argument_and_the_fix()
    {
        var request = engine.Export(ExportCategory.Reports);

        var run = Assert.Throws<ArgumentException>(() => request.WithRunId(" "));
        var query = Assert.Throws<ArgumentException>(() => request.WithQueryId("a\nb"));

        Assert.Equal("runId", run.ParamName);
        Assert.Contains("leave WithRunId out", run.Message, StringComparison.Ordinal);
        Assert.Equal("queryId", query.ParamName);
        Assert.Equal("runId", Assert.Throws<ArgumentNullException>(() => request.WithRunId(null!)).ParamName);
    }

    [Fact]
    public async Task Write_to_directory_refuses_a_blank_directory_before_anything_runs()
    {
        var request = engine.Export(ExportCategory.Reports).ForTenant("acme").By(Dana);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => request.WriteToDirectoryAsync("  "));

        Assert.Equal("directory", error.ParamName);
        Assert.Equal(0, engine.Calls);
    }

    [Fact]
    public async Task Write_to_directory_writes_the_file_the_result_names()
    {
        var test = new TestEngine();
        var directory = Path.Combine(Path.GetTempPath(), "exportkit-fluent-" + Guid.NewGuid().ToString("N"));
        try
        {
            var result = await test.Engine.Export(ExportCategory.AuditFindings).ForTenant("acme").By(TestEngine.Admin()).WithRunId("run-1").WriteToDirectoryAsync(directory);

            Assert.True(result.Succeeded, result.ErrorMessage);
            Assert.Equal(result.SizeBytes, new FileInfo(Path.Combine(directory, result.FileName!)).Length);
            var record = await test.Registry.FindAsync("acme", result.ExportId!);
            Assert.Equal("run-1", record!.RunId);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Request_metadata_reaches_the_exports_audit_event_and_not_its_bytes()
    {
        var test = new TestEngine();
        var request = new RequestMetadata { IpAddress = "203.0.113.7", UserAgent = "Mozilla/5.0", RequestId = "req-9" };
        using var with = new MemoryStream();
        using var without = new MemoryStream();

        var result = await test.Engine.Export(ExportCategory.AlertLogs).ForTenant("acme").By(TestEngine.Admin()).WithRequest(request).WriteToAsync(with);
        await new TestEngine().Engine.Export(ExportCategory.AlertLogs).ForTenant("acme").By(TestEngine.Admin()).WriteToAsync(without);

        Assert.True(result.Succeeded, result.ErrorMessage);
        var generated = Assert.Single(await test.AuditEventsAsync());
        Assert.Equal(request, generated.Request);
        Assert.Equal(without.ToArray(), with.ToArray());
        Assert.Throws<ArgumentNullException>("request", () => engine.Export(ExportCategory.AlertLogs).WithRequest(null!));
    }
}
