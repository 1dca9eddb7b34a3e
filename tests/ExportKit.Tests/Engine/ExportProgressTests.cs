using ExportKit.Engine;
using ExportKit.Sources;
using ExportKit.Testing;

namespace ExportKit.Tests.Engine;

/// <summary>A bundle job's progress: the items the formatter has written so far, counted by the engine inside a job's scope.</summary>
public sealed class ExportProgressTests
{
    private static readonly ExportFormat Probe = new("probe", "text/plain", ".txt");

    [Fact]
    public async Task Inside_a_scope_the_formatter_s_reads_are_counted_as_far_as_its_furthest_reader()
    {
        var formatter = new ProbeFormatter();
        var engine = new TestEngine(configure: b => b.AddFormatter(formatter));
        var progress = new ExportProgress();

        ExportResult result;
        using (ExportProgress.Begin(progress))
        {
            result = await engine.ExportAsync(TestEngine.Query(ExportCategory.CompliancePack, Probe)) is var (r, _) ? r : null!;
        }

        Assert.True(result.Succeeded, result.ErrorMessage);
        var largest = formatter.LargestSection;
        Assert.True(largest >= 3, $"the test needs a section of at least 3 items, the largest has {largest}");
        Assert.Equal(2, formatter.AfterFirstReader);
        Assert.Equal(3, formatter.AfterSecondReader); // two readers of one section (as the ZIP's entries): the furthest counts
        Assert.Equal(result.Bundle!.Metadata.TotalItems, progress.Items);
        Assert.Null(ExportProgress.Current);
    }

    [Fact]
    public async Task A_streamed_csv_export_counts_its_rows_as_they_are_written()
    {
        var alerts = Enumerable.Range(0, 3000).Select(i => new Alert
        {
            AlertId = $"al-{i:D4}", TenantId = "acme", Severity = "low", Category = "c", Status = "open", CreatedAt = TestClock.Now.AddDays(-1).AddSeconds(i),
        });
        var engine = new TestEngine([new InMemoryPhaseDataSource(ExportPhase.Alerts, alerts)]);
        var progress = new ExportProgress();
        var seen = new List<long>();
        using var output = new ObservingStream(() => seen.Add(progress.Items));

        ExportResult result;
        using (ExportProgress.Begin(progress))
        {
            result = await engine.Engine.ExportAsync(TestEngine.Query(ExportCategory.AlertLogs, ExportFormat.Csv), TestEngine.Admin(), output);
        }

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(3000, result.Bundle!.Metadata.TotalItems);
        Assert.Equal(3000, progress.Items);
        Assert.Contains(seen, count => count > 0 && count < 3000); // rows were counted while the file was being written
    }

    [Fact]
    public async Task Outside_a_scope_nothing_is_counted_and_the_formatter_gets_the_bundle_as_built()
    {
        var formatter = new ProbeFormatter();
        var engine = new TestEngine(configure: b => b.AddFormatter(formatter));

        var (result, _) = await engine.ExportAsync(TestEngine.Query(ExportCategory.CompliancePack, Probe));

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Null(formatter.AfterFirstReader);
    }

    /// <summary>A stream that notes something each time it is written to (every write of a derived MemoryStream comes here).</summary>
    private sealed class ObservingStream(Action onWrite) : MemoryStream
    {
        public override void Write(byte[] buffer, int offset, int count)
        {
            onWrite();
            base.Write(buffer, offset, count);
        }
    }

    /// <summary>Reads 2 items of the largest section with one reader and 3 with another, noting the progress after each, then everything.</summary>
    private sealed class ProbeFormatter : IExportFormatter
    {
        public ExportFormat Format => Probe;

        public long? AfterFirstReader { get; private set; }

        public long? AfterSecondReader { get; private set; }

        public long LargestSection { get; private set; }

        public async Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken)
        {
            var largest = bundle.Sections.MaxBy(s => s.ItemCount)!;
            LargestSection = largest.ItemCount;
            await using var first = largest.Items.GetAsyncEnumerator(cancellationToken);
            await using var second = largest.Items.GetAsyncEnumerator(cancellationToken);
            await ReadAsync(first, 2);
            AfterFirstReader = ExportProgress.Current?.Items;
            await ReadAsync(second, 3);
            AfterSecondReader = ExportProgress.Current?.Items;
            foreach (var section in bundle.Sections)
            {
                await foreach (var item in section.Items.WithCancellation(cancellationToken))
                {
                    _ = item;
                }
            }
        }

        private static async Task ReadAsync(IAsyncEnumerator<ExportItem> items, int count)
        {
            for (var i = 0; i < count && await items.MoveNextAsync(); i++)
            {
            }
        }
    }
}
