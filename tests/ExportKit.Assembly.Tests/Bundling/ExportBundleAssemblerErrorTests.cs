using ExportKit.Testing;
using static ExportKit.Assembly.Tests.AssemblerFixture;

namespace ExportKit.Assembly.Tests.Bundling;

/// <summary>Sources that change, misorder, fail or are missing; cancellation; argument guards.</summary>
public sealed class ExportBundleAssemblerErrorTests
{
    private const string Findings = "Phase 50: Audit & Governance Engine";

    private static readonly AuditFinding First = (AuditFinding)Record("af-001");
    private static readonly AuditFinding Second = (AuditFinding)Record("af-002");

    private static Task<AssembledBundle> BuildFindingsAsync(IPhaseDataSource source, CancellationToken cancellationToken = default) =>
        BuildAsync(ExportCategory.AuditFindings, [source], cancellationToken: cancellationToken);

    // 0.2 read a source twice and failed with SourceChanged when the reads differed; the assembler now reads each
    // source once and replays what it read, so a source that would change cannot mix two versions into one export.
    [Theory]
    [InlineData("a record changed")]
    [InlineData("a record was added")]
    [InlineData("a record was removed")]
    public async Task A_source_that_would_change_on_a_second_read_is_read_once_and_its_first_read_exported(string change)
    {
        PhaseRecord[] later = change switch
        {
            "a record changed" => [First, Second.With(it => it.Status, "reopened")],
            "a record was added" => [First, Second, Second.With(it => it.AuditFindingId, "af-003").With(it => it.FoundAt, Second.FoundAt.AddHours(1))],
            _ => [First],
        };
        var source = new ChangingSource(ExportPhase.AuditFindings, [First, Second], later);
        using var built = await BuildFindingsAsync(source);

        var once = await built.Section("audit-findings").ReadItemsAsync();
        var twice = await built.Section("audit-findings").ReadItemsAsync();

        Assert.Equal(1, source.Reads);
        Assert.Equal(["af-001", "af-002"], once.Select(i => i.ItemId));
        Assert.Equal(Second.Status, twice[1].Data.Single(f => f.Name == "status").Value);
        Assert.Equal(2, built.Bundle.Sections[0].ItemCount);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("timestamp")]
    public async Task A_projection_that_moves_an_items_id_or_timestamp_is_refused(string moved)
    {
        var projection = new SectionItemProjection((record, now) =>
        {
            var item = ExportSectionDefinition.Default(record, now).Item;
            return new ProjectedItem(
                moved == "id" ? new ExportItem("F-" + item.ItemId, item.ItemType, item.Timestamp, item.Data) : new ExportItem(item.ItemId, item.ItemType, item.Timestamp.AddDays(-1), item.Data),
                null,
                null);
        });
        var category = new ExportCategoryDefinition(new ExportCategory("moved"), "Moved", "Moves items", [new ExportSectionDefinition("moved", "Moved", "Moves items", [ExportPhase.AuditFindings], projection)]);
        var builder = new ExportBundleAssembler([new ListSource(ExportPhase.AuditFindings, [First, Second])], TestClock.Create());

        var ex = await Assert.ThrowsAsync<ExportException>(() => builder.BuildAsync(category, Query(category.Category), ThirtyDays, "exp_1"));

        Assert.Equal(ExportErrorCodes.SourceFailed, ex.ErrorCode);
        Assert.Contains("changed the id or timestamp of record 'af-001'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_record_out_of_timestamp_order_fails_with_source_out_of_order()
    {
        var ex = await Assert.ThrowsAsync<ExportException>(() => BuildFindingsAsync(new ListSource(ExportPhase.AuditFindings, [Second, First])));

        Assert.Equal(ExportErrorCodes.SourceOutOfOrder, ex.ErrorCode);
        Assert.Equal(
            $"The data source for {Findings} returned record 'af-001' (2026-02-10T08:00:00.0000000Z) after 'af-002' (2026-02-11T08:00:00.0000000Z); sources must return records ordered by timestamp, then by id (ordinal), without duplicates.",
            ex.Message);
    }

    [Fact]
    public async Task A_duplicate_record_fails_with_source_out_of_order()
    {
        var ex = await Assert.ThrowsAsync<ExportException>(() => BuildFindingsAsync(new ListSource(ExportPhase.AuditFindings, [First, First])));

        Assert.Equal(ExportErrorCodes.SourceOutOfOrder, ex.ErrorCode);
        Assert.StartsWith($"The data source for {Findings} returned record 'af-001' (2026-02-10T08:00:00.0000000Z) after 'af-001'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ids_of_one_instant_must_be_in_ordinal_order()
    {
        var lower = First.With(it => it.AuditFindingId, "af-a");
        var upper = First.With(it => it.AuditFindingId, "af-B"); // 'B' sorts before 'a' ordinally

        var ex = await Assert.ThrowsAsync<ExportException>(() => BuildFindingsAsync(new ListSource(ExportPhase.AuditFindings, [lower, upper])));

        Assert.Equal(ExportErrorCodes.SourceOutOfOrder, ex.ErrorCode);
        Assert.Contains("returned record 'af-B'", ex.Message, StringComparison.Ordinal);
        var built = await BuildFindingsAsync(new ListSource(ExportPhase.AuditFindings, [upper, lower]));
        Assert.Equal(["af-B", "af-a"], await built.Section("audit-findings").ReadIdsAsync());
    }

    [Fact]
    public async Task Order_is_checked_on_records_that_are_dropped_too()
    {
        var foreign = Second.With(it => it.TenantId, "globex");

        var ex = await Assert.ThrowsAsync<ExportException>(() => BuildFindingsAsync(new ListSource(ExportPhase.AuditFindings, [foreign, First])));

        Assert.Equal(ExportErrorCodes.SourceOutOfOrder, ex.ErrorCode);
    }

    [Fact]
    public async Task A_source_that_throws_while_streaming_fails_with_source_failed_keeping_the_cause()
    {
        var cause = new InvalidOperationException("disk gone");
        var source = new FailingSource(ExportPhase.DriftEvents, cause, Records().OfType<DriftEvent>().Take(1));

        var ex = await Assert.ThrowsAsync<ExportException>(() => BuildAsync(ExportCategory.DriftLogs, [source]));

        Assert.Equal(ExportErrorCodes.SourceFailed, ex.ErrorCode);
        Assert.Equal("The data source for Phase 51: Drift Detection Engine failed: disk gone", ex.Message);
        Assert.Same(cause, ex.InnerException);
    }

    [Fact]
    public async Task A_source_that_throws_when_asked_to_read_fails_with_source_failed_keeping_the_cause()
    {
        var cause = new IOException("connection refused");
        var source = new FailingSource(ExportPhase.DriftEvents, cause, onRead: true);

        var ex = await Assert.ThrowsAsync<ExportException>(() => BuildAsync(ExportCategory.DriftLogs, [source]));

        Assert.Equal(ExportErrorCodes.SourceFailed, ex.ErrorCode);
        Assert.Equal("The data source for Phase 51: Drift Detection Engine failed: connection refused", ex.Message);
        Assert.Same(cause, ex.InnerException);
    }

    [Fact]
    public async Task An_export_exception_from_a_source_passes_through_unchanged()
    {
        var own = new ExportException("host-code", "The host says no.");

        var ex = await Assert.ThrowsAsync<ExportException>(() => BuildAsync(ExportCategory.DriftLogs, [new FailingSource(ExportPhase.DriftEvents, own)]));

        Assert.Same(own, ex);
    }

    [Fact]
    public async Task A_record_of_another_phase_fails_with_source_failed()
    {
        var ex = await Assert.ThrowsAsync<ExportException>(() =>
            BuildAsync(ExportCategory.AlertLogs, [new ListSource(ExportPhase.Alerts, [First])]));

        Assert.Equal(ExportErrorCodes.SourceFailed, ex.ErrorCode);
        Assert.Equal($"The data source for Phase 52: Alert & Notification Engine returned record 'af-001' of {Findings}; a source returns only its own phase's records.", ex.Message);
    }

    [Fact]
    public async Task A_null_record_fails_with_source_failed()
    {
        var ex = await Assert.ThrowsAsync<ExportException>(() => BuildFindingsAsync(new ListSource(ExportPhase.AuditFindings, [First, null])));

        Assert.Equal(ExportErrorCodes.SourceFailed, ex.ErrorCode);
        Assert.Equal($"The data source for {Findings} returned a null record.", ex.Message);
        Assert.Null(ex.InnerException);
    }

    [Fact]
    public async Task A_phase_without_a_source_fails_with_missing_data_source_before_reading_anything()
    {
        var findings = new ListSource(ExportPhase.AuditFindings, []);
        var drift = new ListSource(ExportPhase.DriftEvents, []);

        var ex = await Assert.ThrowsAsync<ExportException>(() => BuildAsync(ExportCategory.CompliancePack, [findings, drift]));

        Assert.Equal(ExportErrorCodes.MissingDataSource, ex.ErrorCode);
        Assert.Equal(
            "Category 'compliance-pack' needs data from Phase 52: Alert & Notification Engine, Phase 53: Task & Workflow Engine, but no data source is registered for it; register one with AddDataSource.",
            ex.Message);
        Assert.Equal(0, findings.Reads + drift.Reads);
    }

    [Fact]
    public async Task A_cancelled_build_throws_operation_canceled()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BuildAsync(ExportCategory.CompliancePack, ListSource.ForEveryPhase(Records()), cancellationToken: cts.Token));
    }

    [Fact]
    public async Task Cancelling_while_a_source_streams_stops_the_build()
    {
        using var cts = new CancellationTokenSource();
        var source = new ListSource(ExportPhase.AuditFindings, Records().OfType<AuditFinding>(), cts.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BuildFindingsAsync(source, cts.Token));
    }

    [Fact]
    public async Task A_cancelled_enumeration_of_items_throws_operation_canceled()
    {
        var built = await BuildAsync(ExportCategory.AuditFindings);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => built.Section("audit-findings").ReadItemsAsync(cts.Token));
    }

    [Fact]
    public async Task Refuses_a_definition_of_another_category()
    {
        var builder = new ExportBundleAssembler(ListSource.ForEveryPhase(Records()), TestClock.Create());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            builder.BuildAsync(Definition(ExportCategory.AuditFindings), Query(ExportCategory.CompliancePack), ThirtyDays, ExportId));

        Assert.Equal("definition", ex.ParamName);
        Assert.StartsWith("The definition is for category 'audit-findings' but the query asks for 'compliance-pack'.", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task Refuses_a_blank_export_id(string exportId)
    {
        var builder = new ExportBundleAssembler(ListSource.ForEveryPhase(Records()), TestClock.Create());

        var ex = await Assert.ThrowsAsync<ArgumentException>(() =>
            builder.BuildAsync(Definition(ExportCategory.AuditFindings), Query(ExportCategory.AuditFindings), ThirtyDays, exportId));

        Assert.Equal("exportId", ex.ParamName);
    }

    [Fact]
    public async Task Refuses_null_arguments()
    {
        var builder = new ExportBundleAssembler([], TestClock.Create());
        var definition = Definition(ExportCategory.AuditFindings);
        var query = Query(ExportCategory.AuditFindings);

        await Assert.ThrowsAsync<ArgumentNullException>(() => builder.BuildAsync(null!, query, ThirtyDays, ExportId));
        await Assert.ThrowsAsync<ArgumentNullException>(() => builder.BuildAsync(definition, null!, ThirtyDays, ExportId));
        await Assert.ThrowsAsync<ArgumentNullException>(() => builder.BuildAsync(definition, query, null!, ExportId));
        await Assert.ThrowsAsync<ArgumentNullException>(() => builder.BuildAsync(definition, query, ThirtyDays, null!));
    }

    [Fact]
    public void Refuses_two_sources_for_one_phase()
    {
        IPhaseDataSource[] sources = [new ListSource(ExportPhase.AuditFindings, []), new FailingSource(ExportPhase.AuditFindings, new InvalidOperationException())];

        var ex = Assert.Throws<ArgumentException>(() => new ExportBundleAssembler(sources, TestClock.Create()));

        Assert.Equal("sources", ex.ParamName);
        Assert.StartsWith($"Two data sources serve {Findings} (ListSource and FailingSource); register one source per phase.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_null_source() =>
        Assert.Throws<ArgumentNullException>(() => new ExportBundleAssembler([null!], TestClock.Create()));

    [Fact]
    public void Lists_the_phases_it_has_sources_for()
    {
        var builder = new ExportBundleAssembler([new ListSource(ExportPhase.Reports, []), new ListSource(ExportPhase.Alerts, [])], TestClock.Create());

        Assert.Equal([ExportPhase.Alerts, ExportPhase.Reports], builder.Phases.OrderBy(p => p.Number));
    }
}
