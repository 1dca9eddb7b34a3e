using ExportKit.Assembly;
using ExportKit.Formats;
using ExportKit.Sources;
using ExportKit.Testing;
using ExportKit.Tests.Sources;

namespace ExportKit.Tests.Engine;

/// <summary>
/// The built-in CSV reads nothing of a bundle before its items, so the engine writes each record as it is read instead
/// of holding the items first: the same bytes, the same bundle id and bookkeeping, nothing left behind on failure.
/// </summary>
public sealed class CsvStreamingTests : IDisposable
{
    private readonly string output = Path.Combine(Path.GetTempPath(), "exportkit-csv-stream-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Theory]
    [InlineData("compliance-pack")]
    [InlineData("full-operational")]
    [InlineData("alert-logs")]
    public async Task A_streamed_csv_export_has_the_bytes_of_the_held_bundle_and_the_bundle_id_of_every_format(string category)
    {
        var engine = new TestEngine();
        var exportCategory = new ExportCategory(category);

        var (csv, bytes) = await engine.ExportAsync(TestEngine.Query(exportCategory, ExportFormat.Csv));
        var (json, _) = await engine.ExportAsync(TestEngine.Query(exportCategory, ExportFormat.Json));

        Assert.True(csv.Succeeded, csv.ErrorMessage);
        Assert.Equal(json.BundleId, csv.BundleId);
        Assert.Equal(json.Bundle!.Metadata.TotalItems, csv.Bundle!.Metadata.TotalItems);
        Assert.Equal(json.Bundle.Sections.Select(s => (s.SectionId, s.ItemCount, s.Summary.Text)), csv.Bundle.Sections.Select(s => (s.SectionId, s.ItemCount, s.Summary.Text)));
        Assert.Equal(await HeldCsvAsync(exportCategory), bytes);
        var generated = Assert.Single((await engine.EntriesAsync()).OfType<ExportGeneratedEntry>(), e => e.Format == "csv");
        Assert.Equal(csv.BundleId, generated.BundleId);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("json")]
    public async Task The_results_bundle_keeps_no_items_once_written_whichever_the_path(string format)
    {
        ExportFormat.TryGetBuiltIn(format, out var exportFormat);
        var (result, _) = await new TestEngine().ExportAsync(TestEngine.Query(ExportCategory.AlertLogs, exportFormat));

        Assert.True(result.Succeeded, result.ErrorMessage);
        await Assert.ThrowsAnyAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in result.Bundle!.Sections[0].Items)
            {
            }
        });
    }

    [Fact]
    public async Task A_host_csv_formatter_is_handed_the_whole_bundle_before_its_items()
    {
        var host = new BundleReadingFormatter();
        var engine = new TestEngine(configure: builder => builder.AddFormatter(host));

        var (result, _) = await engine.ExportAsync(TestEngine.Query(ExportCategory.CompliancePack, ExportFormat.Csv));

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(result.BundleId, host.BundleId);
        Assert.Equal(result.Bundle!.Metadata.TotalItems, host.TotalItems);
        Assert.True(host.TotalItems > 0);
    }

    [Fact]
    public async Task A_source_failing_mid_stream_fails_the_export_with_source_failed_and_leaves_no_file()
    {
        var engine = new TestEngine([new ThrowingSource(ExportPhase.Alerts, after: 3)]);

        var result = await engine.Engine.ExportToDirectoryAsync(TestEngine.Query(ExportCategory.AlertLogs, ExportFormat.Csv), TestEngine.Admin(), output);

        Assert.Equal(ExportErrorCodes.SourceFailed, result.ErrorCode);
        Assert.Contains("database connection lost", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(output));
        Assert.Single((await engine.EntriesAsync()).OfType<ExportErrorEntry>());
        Assert.Empty(await engine.Registry.ListAsync("acme").ToListAsync());
    }

    [Fact]
    public async Task A_csv_export_cancelled_mid_stream_is_cancelled_and_leaves_no_file()
    {
        using var cancellation = new CancellationTokenSource();
        var source = new CancellingSource(cancellation, after: 5);
        var engine = new TestEngine([source]);

        var result = await engine.Engine.ExportToDirectoryAsync(TestEngine.Query(ExportCategory.AlertLogs, ExportFormat.Csv), TestEngine.Admin(), output, cancellation.Token);

        Assert.Equal(ExportErrorCodes.Cancelled, result.ErrorCode);
        Assert.Empty(Directory.GetFileSystemEntries(output));
    }

    private static async Task<byte[]> HeldCsvAsync(ExportCategory category)
    {
        var sources = InMemoryPhaseDataSource.ForEachPhase(TestRecords.All().Concat(TestRecords.All("globex")));
        var query = TestEngine.Query(category, ExportFormat.Csv);
        using var built = await new ExportBundleAssembler(sources, TestClock.Create())
            .BuildAsync(ExportCategories.Find(category)!, query, query.TimeRange!, "exp_held");
        using var stream = new MemoryStream();
        await ExportFormatters.Csv().WriteAsync(built.Bundle, stream, CancellationToken.None);
        return stream.ToArray();
    }

    /// <summary>Alerts, with the export cancelled after the given number has been read.</summary>
    private sealed class CancellingSource(CancellationTokenSource cancellation, int after) : IPhaseDataSource
    {
        public ExportPhase Phase => ExportPhase.Alerts;

        public async IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            for (var i = 0; i < after * 2; i++)
            {
                if (i == after)
                {
                    await cancellation.CancelAsync();
                }

                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
                yield return new Alert { AlertId = $"al-{i:D3}", TenantId = request.Scope.TenantId, Severity = "low", Category = "c", Status = "open", CreatedAt = request.TimeRange.Start.AddMinutes(i) };
            }
        }
    }

    /// <summary>A host's CSV formatter that reads the bundle id and totals before the items, as a header might.</summary>
    private sealed class BundleReadingFormatter : IExportFormatter
    {
        public ExportFormat Format => ExportFormat.Csv;

        public string? BundleId { get; private set; }

        public long TotalItems { get; private set; }

        public async Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken)
        {
            BundleId = bundle.BundleId;
            TotalItems = bundle.Metadata.TotalItems;
            foreach (var section in bundle.Sections)
            {
                await foreach (var item in section.Items.WithCancellation(cancellationToken))
                {
                    destination.WriteByte((byte)'.');
                }
            }
        }
    }
}
