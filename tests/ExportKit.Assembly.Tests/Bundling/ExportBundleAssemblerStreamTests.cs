using ExportKit.Testing;
using static ExportKit.Assembly.Tests.AssemblerFixture;

namespace ExportKit.Assembly.Tests.Bundling;

/// <summary>
/// <see cref="ExportBundleAssembler.StreamAsync"/>: the bundle assembled while a formatter that reads only the items
/// writes it is the bundle <see cref="ExportBundleAssembler.BuildAsync"/> makes, item for item, with each source read
/// once and nothing kept; a writer that reads a section twice, out of order or not to its end is refused.
/// </summary>
public sealed class ExportBundleAssemblerStreamTests
{
    private static readonly AuditFinding First = Finding("af-001", Tenant, Base);

    public static TheoryData<string> Categories => new() { "compliance-pack", "full-operational", "alert-logs", "audit-findings" };

    private static AuditFinding Finding(string id, string tenant, DateTimeOffset foundAt) => new()
    {
        AuditFindingId = id, TenantId = tenant, FacilityId = "f1", Severity = "high", Category = "leak",
        Status = "open", Description = "of " + tenant, FoundAt = foundAt, References = ["ref-of-" + id],
    };

    private static Task<AssembledBundle> StreamAsync(ExportCategory category, IEnumerable<IPhaseDataSource> sources, Func<ExportBundle, CancellationToken, Task> write, CancellationToken cancellationToken = default) =>
        new ExportBundleAssembler(sources, TestClock.Create())
            .StreamAsync(Definition(category), Query(category), ThirtyDays, ExportId, write, cancellationToken: cancellationToken);

    /// <summary>Reads every section once, in order, keeping each section's items.</summary>
    private static Func<ExportBundle, CancellationToken, Task> ReadAll(List<List<ExportItem>> read, List<ExportBundle>? seen = null) => async (bundle, ct) =>
    {
        seen?.Add(bundle);
        foreach (var section in bundle.Sections)
        {
            read.Add(await section.ReadItemsAsync(ct));
        }
    };

    [Theory]
    [MemberData(nameof(Categories))]
    public async Task Streaming_assembles_the_bundle_building_does_with_the_same_items_and_one_read_of_each_source(string category)
    {
        var exportCategory = new ExportCategory(category);
        var records = Records().Concat([Finding("af-900", "globex", Base.AddMinutes(1))]).OrderBy(r => r.Timestamp).ThenBy(r => r.RecordId, StringComparer.Ordinal).ToArray();
        var built = await BuildAsync(exportCategory, ListSource.ForEveryPhase(records));
        var sources = ListSource.ForEveryPhase(records);
        var read = new List<List<ExportItem>>();
        var seen = new List<ExportBundle>();

        var streamed = await StreamAsync(exportCategory, sources, ReadAll(read, seen));

        Assert.Equal(built.Bundle.BundleId, streamed.Bundle.BundleId);
        Assert.Equal(built.RecordsDropped, streamed.RecordsDropped);
        Assert.Equal(built.Bundle.References, streamed.Bundle.References);
        var (expectedMetadata, metadata) = (built.Bundle.Metadata, streamed.Bundle.Metadata);
        Assert.Equal((expectedMetadata.GeneratedAt, expectedMetadata.GeneratedBy, expectedMetadata.Format, expectedMetadata.TotalSections, expectedMetadata.TotalItems, expectedMetadata.TimeRange, expectedMetadata.Compressed), (metadata.GeneratedAt, metadata.GeneratedBy, metadata.Format, metadata.TotalSections, metadata.TotalItems, metadata.TimeRange, metadata.Compressed));
        Assert.Equal(expectedMetadata.DataSourcesUsed, metadata.DataSourcesUsed);
        for (var i = 0; i < built.Bundle.Sections.Count; i++)
        {
            var expected = built.Bundle.Sections[i];
            var actual = streamed.Bundle.Sections[i];
            Assert.Equal((expected.SectionId, expected.Title, expected.DataSource, expected.ItemCount, expected.Summary.Text, expected.GeneratedAt), (actual.SectionId, actual.Title, actual.DataSource, actual.ItemCount, actual.Summary.Text, actual.GeneratedAt));
            Assert.Equal(expected.Summary.BySeverity, actual.Summary.BySeverity);
            Assert.Equal(expected.Summary.ByStatus, actual.Summary.ByStatus);
            Assert.Equal((await expected.ReadItemsAsync()).Select(item => item.ItemId), read[i].Select(item => item.ItemId));
        }

        Assert.All(sources.Where(s => s.Reads > 0), s => Assert.Equal(1, s.Reads));

        // What the writer was handed: the bundle's identity and sections, not what only the whole read tells.
        var live = Assert.Single(seen);
        Assert.Equal(string.Empty, live.BundleId);
        Assert.Equal(ExportId, live.ExportId);
        Assert.Equal(built.Bundle.Sections.Select(s => s.SectionId), live.Sections.Select(s => s.SectionId));
        Assert.All(live.Sections, s => Assert.Equal((0L, string.Empty), (s.ItemCount, s.Summary.Text)));
    }

    [Fact]
    public async Task The_assembled_bundles_items_were_streamed_and_cannot_be_read_again()
    {
        var streamed = await StreamAsync(ExportCategory.AuditFindings, ListSource.ForEveryPhase(Records()), ReadAll([]));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => streamed.Section("audit-findings").ReadItemsAsync());

        Assert.Contains("were streamed to the formatter as they were read from the sources and are not kept", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_section_read_twice_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StreamAsync(ExportCategory.AuditFindings, ListSource.ForEveryPhase(Records()), async (bundle, ct) =>
        {
            await bundle.Sections[0].ReadItemsAsync(ct);
            await bundle.Sections[0].ReadItemsAsync(ct);
        }));

        Assert.Equal("Section 'audit-findings' of a streamed bundle was read a second time: its items come from the sources as they are read and can be read once.", error.Message);
    }

    [Fact]
    public async Task A_section_read_before_the_one_before_it_is_refused()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StreamAsync(ExportCategory.CompliancePack, ListSource.ForEveryPhase(Records()), async (bundle, ct) =>
            await bundle.Sections[1].ReadItemsAsync(ct)));

        Assert.Contains("was read before section 'audit-findings' was read to its end: read the sections in order.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_writer_that_stops_before_the_end_of_a_section_is_refused(bool startsTheSection)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StreamAsync(ExportCategory.AuditFindings, ListSource.ForEveryPhase(Records()), async (bundle, ct) =>
        {
            if (startsTheSection)
            {
                await foreach (var item in bundle.Sections[0].Items.WithCancellation(ct))
                {
                    break;
                }
            }
        }));

        Assert.StartsWith("The formatter did not read section 'audit-findings' to its end", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_that_fails_mid_stream_fails_the_write_with_source_failed_keeping_the_cause()
    {
        var cause = new InvalidOperationException("disk gone");
        var source = new FailingSource(ExportPhase.AuditFindings, cause, [First]);
        var read = new List<string>();

        var ex = await Assert.ThrowsAsync<ExportException>(() => StreamAsync(ExportCategory.AuditFindings, [source], async (bundle, ct) =>
        {
            await foreach (var item in bundle.Sections[0].Items.WithCancellation(ct))
            {
                read.Add(item.ItemId);
            }
        }));

        Assert.Equal(ExportErrorCodes.SourceFailed, ex.ErrorCode);
        Assert.Same(cause, ex.InnerException);
        Assert.Equal(["af-001"], read);
    }

    [Fact]
    public async Task A_source_out_of_order_fails_the_write_as_building_does()
    {
        var second = Finding("af-002", Tenant, Base.AddHours(1));

        var ex = await Assert.ThrowsAsync<ExportException>(() => StreamAsync(ExportCategory.AuditFindings, [new ListSource(ExportPhase.AuditFindings, [second, First])], ReadAll([])));

        Assert.Equal(ExportErrorCodes.SourceOutOfOrder, ex.ErrorCode);
    }

    [Fact]
    public async Task Cancellation_reaches_the_sources_read()
    {
        using var cancellation = new CancellationTokenSource();
        var source = new ListSource(ExportPhase.AuditFindings, [First, Finding("af-002", Tenant, Base.AddHours(1))]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => StreamAsync(ExportCategory.AuditFindings, [source], async (bundle, ct) =>
        {
            await foreach (var item in bundle.Sections[0].Items.WithCancellation(ct))
            {
                await cancellation.CancelAsync();
            }
        }, cancellation.Token));
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_any_source_is_read()
    {
        var source = new ListSource(ExportPhase.AuditFindings, [First]);
        var assembler = new ExportBundleAssembler([source], TestClock.Create());
        var definition = Definition(ExportCategory.AuditFindings);
        var query = Query(ExportCategory.AuditFindings);

        await Assert.ThrowsAsync<ArgumentNullException>(() => assembler.StreamAsync(definition, query, ThirtyDays, ExportId, null!));
        await Assert.ThrowsAsync<ArgumentException>(() => assembler.StreamAsync(definition, Query(ExportCategory.AlertLogs), ThirtyDays, ExportId, ReadAll([])));
        await Assert.ThrowsAsync<ArgumentException>(() => assembler.StreamAsync(definition, query, ThirtyDays, " ", ReadAll([])));
        Assert.Equal(0, source.Reads);
    }
}
