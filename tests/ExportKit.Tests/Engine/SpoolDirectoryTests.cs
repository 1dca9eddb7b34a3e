using System.Runtime.CompilerServices;
using ExportKit.Assembly;
using ExportKit.Testing;

namespace ExportKit.Tests.Engine;

/// <summary>
/// Regression: an export larger than the spool's memory budget (8 MiB of items) wrote every record beyond it to
/// <see cref="Path.GetTempPath"/>, whatever <see cref="ExportKitOptions.TemporaryDirectory"/> said — an encrypted
/// volume, or a /tmp too small or read-only. The engine now spools there, and a directory that cannot take the file
/// fails the export as <c>storage-failed</c>, naming it and the option, with no output left behind.
/// </summary>
public sealed class SpoolDirectoryTests : IDisposable
{
    private static readonly ExportPhase Bulky = new(71, "bulky-data", "Bulky Data Engine", "bulky-item");
    private static readonly ExportCategory BulkyReport = new("bulky-report");
    private static readonly ExportCategoryDefinition Definition = new(BulkyReport, "Bulky Report", "Large records",
        [new ExportSectionDefinition("bulky", "Bulky", "Records of 300,000 characters", [Bulky])]);

    private readonly string root = Path.Combine(Path.GetTempPath(), "exportkit-spool-engine-" + Guid.NewGuid().ToString("N"));

    private string Temporary => Path.Combine(root, "tmp");

    private string Output => Path.Combine(root, "out");

    [Theory]
    [InlineData("json")]
    [InlineData("zip")]
    public async Task An_export_over_the_memory_budget_spools_in_the_temporary_directory_and_leaves_nothing(string format)
    {
        Directory.CreateDirectory(Temporary);
        var seen = new List<(string Name, long Length, UnixFileMode Mode)>();
        var source = new BulkySource(Records(30), () => seen.AddRange(Directory.GetFiles(Temporary).Select(f =>
            (Path.GetFileName(f), new FileInfo(f).Length, OperatingSystem.IsWindows() ? default : File.GetUnixFileMode(f)))));
        var engine = Engine(source, o => o.TemporaryDirectory = Temporary);

        var result = await engine.ExportToDirectoryAsync(Query(format), Principal, Output);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(30, result.Bundle!.Metadata.TotalItems);

        // Seen after the last record was spooled, while the export ran: its one spool file, private, holding the items past 8 MiB.
        var spool = Assert.Single(seen);
        Assert.Matches(@"\Aexportkit-spool-[0-9a-f]{32}\.tmp\z", spool.Name);
        Assert.InRange(spool.Length, 3 * 300_000, 30 * 300_000);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, spool.Mode);
        }

        Assert.Empty(Directory.GetFileSystemEntries(Temporary));
        Assert.Equal([result.FileName], Directory.GetFiles(Output).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Zip_staging_uses_the_engines_temporary_directory_unless_its_own_options_name_one(bool ownDirectory)
    {
        // Stored entries over 4 MiB continue in a staging file, still open while the archive is written out.
        var zipDirectory = Path.Combine(root, "zip");
        var expected = ownDirectory ? zipDirectory : Temporary;
        Directory.CreateDirectory(Temporary);
        Directory.CreateDirectory(zipDirectory);
        var engine = Engine(new BulkySource(Records(30), () => { }), o => o.TemporaryDirectory = Temporary, zip =>
        {
            zip.CompressionLevel = System.IO.Compression.CompressionLevel.NoCompression;
            zip.TemporaryDirectory = ownDirectory ? zipDirectory : null;
        });
        using var output = new ObservingStream(() => [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories)]);

        var result = await engine.ExportAsync(Query("zip"), Principal, output);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Contains(output.Seen, path => Path.GetFileName(path)!.StartsWith("exportkit-entry-", StringComparison.Ordinal));
        Assert.All(output.Seen.Where(path => Path.GetFileName(path)!.StartsWith("exportkit-entry-", StringComparison.Ordinal)), path => Assert.Equal(expected, Path.GetDirectoryName(path)));
        Assert.Empty(Directory.GetFileSystemEntries(Temporary));
        Assert.Empty(Directory.GetFileSystemEntries(zipDirectory));
    }

    [Fact]
    public async Task A_missing_temporary_directory_fails_the_export_naming_it_and_leaves_no_output()
    {
        var engine = Engine(new BulkySource(Records(30), () => { }), o => o.TemporaryDirectory = Temporary);

        var result = await engine.ExportToDirectoryAsync(Query("json"), Principal, Output);

        Assert.False(result.Succeeded);
        Assert.Equal(ExportErrorCodes.StorageFailed, result.ErrorCode);
        Assert.Contains($"its spool file in '{Temporary}' could not be created because the directory does not exist", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("or set ExportKitOptions.TemporaryDirectory", result.ErrorMessage, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Temporary));
        Assert.Empty(Directory.GetFileSystemEntries(Output)); // not even the hidden partial file
    }

    [UnwritableDirectoryFact]
    public async Task An_unwritable_temporary_directory_fails_the_export_naming_it()
    {
        var unwritable = UnwritableDirectory.Path!;
        var engine = Engine(new BulkySource(Records(30), () => { }), o => o.TemporaryDirectory = unwritable);

        var result = await engine.ExportToDirectoryAsync(Query("json"), Principal, Output);

        Assert.Equal(ExportErrorCodes.StorageFailed, result.ErrorCode);
        Assert.Contains($"its spool file in '{unwritable}' could not be created (", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("ExportKitOptions.TemporaryDirectory", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(Output));
    }

    [Fact]
    public async Task A_csv_export_over_the_memory_budget_needs_no_temporary_directory_it_streams()
    {
        // The CSV formatter reads nothing of the bundle before its items, so the engine writes each record as it is read.
        var engine = Engine(new BulkySource(Records(30), () => { }), o => o.TemporaryDirectory = Temporary);

        var result = await engine.ExportToDirectoryAsync(Query("csv"), Principal, Output);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(30, result.Bundle!.Metadata.TotalItems);
        Assert.False(Directory.Exists(Temporary));
        Assert.Equal([result.FileName], Directory.GetFiles(Output).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_markdown_report_over_the_memory_budget_keeps_only_what_it_shows_and_needs_no_temporary_directory()
    {
        // The summary shows 10 items of a section and counts the rest: 10 records of 300,000 characters fit in memory.
        var engine = Engine(new BulkySource(Records(30), () => { }), o => o.TemporaryDirectory = Temporary);

        var result = await engine.ExportToDirectoryAsync(Query("markdown"), Principal, Output);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(30, result.Bundle!.Metadata.TotalItems);
        Assert.False(Directory.Exists(Temporary));
    }

    [Fact]
    public async Task A_small_export_needs_no_temporary_directory()
    {
        var engine = Engine(new BulkySource(Records(2), () => { }), o => o.TemporaryDirectory = Temporary);

        var result = await engine.ExportToDirectoryAsync(Query("json"), Principal, Output);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.False(Directory.Exists(Temporary));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("bad\0name")]
    public void A_temporary_directory_that_is_not_a_path_is_refused_at_build(string value)
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => new ExportEngineBuilder().Configure(o => o.TemporaryDirectory = value).Build());

        Assert.Contains("ExportKitOptions.TemporaryDirectory is ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ExportBundleAssemblerOptions", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static ExportPrincipal Principal => new("lee", "acme", ["admin"], ["export:bundle-formats"]);

    private static ExportQuery Query(string format) =>
        new(BulkyReport, ExportFormat.BuiltIn.Single(f => f.Value == format), new ExportScope("acme"), "lee")
        {
            TimeRange = new ExportTimeRange(TestClock.Now.AddDays(-30), TestClock.Now),
        };

    // 300,000 characters is about 600 KB by the spool's estimate: the 14th record goes past 8 MiB.
    private static PhaseRecord[] Records(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new BulkyRecord("bulky-" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), new string((char)('a' + (i % 26)), 300_000)) { TenantId = "acme" })];

    private static IExportEngine Engine(IPhaseDataSource source, Action<ExportKitOptions> configure, Action<Formats.ZipExportOptions>? zip = null) =>
        new ExportEngineBuilder().UseTimeProvider(TestClock.Create()).UseIdGenerator(new SequentialIds())
            .AddCategory(Definition).AddDataSource(source).Configure(configure).AddZipFormat(zip ?? (_ => { })).Build();

    // A destination that notes what `observe` returns whenever the engine writes to it.
    private sealed class ObservingStream(Func<string?[]> observe) : MemoryStream
    {
        public HashSet<string?> Seen { get; } = [];

        public override void Write(byte[] buffer, int offset, int count)
        {
            Seen.UnionWith(observe());
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Seen.UnionWith(observe());
            base.Write(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Seen.UnionWith(observe());
            return base.WriteAsync(buffer, offset, count, cancellationToken);
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Seen.UnionWith(observe());
            return base.WriteAsync(buffer, cancellationToken);
        }
    }

    private sealed class BulkyRecord(string id, string payload) : PhaseRecord
    {
        private string Id { get; } = id;

        private string Payload { get; } = payload;

        public override ExportPhase Phase => Bulky;

        public override string RecordId => Id;

        public override DateTimeOffset Timestamp => TestRecords.Base;

        protected override void AddFields(IList<ExportField> fields)
        {
            fields.Add(new("id", Id));
            fields.Add(new("payload", Payload));
        }
    }

    // Calls `afterLast` once every record has been taken, which is after the assembler spooled the last one.
    private sealed class BulkySource(PhaseRecord[] records, Action afterLast) : IPhaseDataSource
    {
        public ExportPhase Phase => Bulky;

#pragma warning disable CS1998 // Nothing to await: the records are in memory.
        public async IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
#pragma warning restore CS1998
        {
            foreach (var record in records)
            {
                yield return record;
            }

            afterLast();
        }
    }
}
