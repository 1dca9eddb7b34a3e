using ExportKit.Testing;
using static ExportKit.Assembly.Tests.AssemblerFixture;

namespace ExportKit.Assembly.Tests.Spooling;

/// <summary>
/// The one read of each source: items held in memory and items spilled to the spool file come back exactly as they
/// were made (every value type, offsets, nesting, references), as often as they are enumerated, and not after disposal.
/// </summary>
public sealed class ItemSpoolTests
{
    private static readonly ExportField[] Nested = [new("depth", 1), new("inner", (IReadOnlyList<ExportField>)[new("leaf", "é✓ \u2028 x")])];

    [Theory]
    [InlineData(0L)] // everything spilled to the file
    [InlineData(3_000L)] // some held, the rest spilled
    [InlineData(ItemSpool.DefaultMemoryBudget)] // everything held
    public async Task Spooled_items_come_back_exactly_as_projected_with_the_same_bundle_id(long budget)
    {
        var source = new CountingListSource(ExportPhase.AuditFindings, Findings(200));
        var reference = await BuildAsync(ItemSpool.DefaultMemoryBudget, new CountingListSource(ExportPhase.AuditFindings, Findings(200)));
        using var built = await BuildAsync(budget, source);

        var expected = await reference.Bundle.Sections[0].ReadItemsAsync();
        var first = await built.Bundle.Sections[0].ReadItemsAsync();
        var second = await built.Bundle.Sections[0].ReadItemsAsync();

        Assert.Equal(1, source.Reads);
        Assert.Equal(reference.Bundle.BundleId, built.Bundle.BundleId);
        Assert.Equal(200, first.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            AssertSame(expected[i], first[i]);
            AssertSame(expected[i], second[i]);
        }
    }

    [Theory]
    [InlineData(50)] // decoded on the enumerating thread
    [InlineData(3_000)] // decoded ahead on another core
    public async Task Two_enumerations_of_a_spilled_section_can_interleave(int items)
    {
        using var built = await BuildAsync(0, new CountingListSource(ExportPhase.AuditFindings, Findings(items)));
        var section = built.Bundle.Sections[0];
        await using var a = section.Items.GetAsyncEnumerator();
        await using var b = section.Items.GetAsyncEnumerator();
        var count = 0;
        while (await a.MoveNextAsync())
        {
            Assert.True(await b.MoveNextAsync());
            Assert.Equal(a.Current.ItemId, b.Current.ItemId);
            count++;
        }

        Assert.False(await b.MoveNextAsync());
        Assert.Equal(items, count);
    }

    [Fact]
    public async Task A_large_spilled_section_is_decoded_on_another_core_with_the_same_items_in_the_same_order()
    {
        // 3,000 items of about 300 encoded bytes: far past the size from which the spool file is read ahead.
        var reference = await BuildAsync(ItemSpool.DefaultMemoryBudget, new CountingListSource(ExportPhase.AuditFindings, Findings(3_000)));
        using var built = await BuildAsync(0, new CountingListSource(ExportPhase.AuditFindings, Findings(3_000)));
        var section = built.Bundle.Sections[0];

        await using (var enumerator = section.Items.GetAsyncEnumerator())
        {
            Assert.IsType<ReadAhead<ExportItem>>(enumerator);
        }

        var expected = await reference.Bundle.Sections[0].ReadItemsAsync();
        var replayed = await section.ReadItemsAsync();
        Assert.Equal(3_000, replayed.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            AssertSame(expected[i], replayed[i]);
        }
    }

    [Fact]
    public async Task A_disposed_bundle_refuses_to_replay_a_large_section_too()
    {
        var built = await BuildAsync(0, new CountingListSource(ExportPhase.AuditFindings, Findings(3_000)));
        built.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => built.Bundle.Sections[0].ReadItemsAsync());
    }

    [Fact]
    public async Task A_disposed_bundle_refuses_to_replay_its_items()
    {
        var built = await BuildAsync(0, new CountingListSource(ExportPhase.AuditFindings, Findings(5)));
        built.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => built.Bundle.Sections[0].ReadItemsAsync());
    }

    [Theory]
    [InlineData(50)] // decoded on the enumerating thread
    [InlineData(3_000)] // decoded ahead on another core
    public async Task A_spool_file_cut_short_behind_the_export_fails_the_replay_with_the_spools_error(int items)
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the spool file is held exclusively there: nobody else can cut it
        }

        var directory = Directory.CreateTempSubdirectory("exportkit-spool-cut-").FullName;
        try
        {
            using var built = await BuildAsync(0, new CountingListSource(ExportPhase.AuditFindings, Findings(items)), directory);
            var file = Assert.Single(Directory.GetFiles(directory));
            Assert.Equal(0, Truncate(file, new FileInfo(file).Length / 2));

            var error = await Assert.ThrowsAsync<InvalidDataException>(() => built.Bundle.Sections[0].ReadItemsAsync());

            Assert.Equal("The export's spool file ended early: it was changed while the export ran.", error.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // truncate(2): FileShare.None is an advisory lock on Unix, which another process that means harm ignores too.
#pragma warning disable CA2101 // The path is marshalled as UTF-8 (LPUTF8Str), which is what the rule asks for; it does not see it.
    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    [System.Runtime.InteropServices.DefaultDllImportSearchPaths(System.Runtime.InteropServices.DllImportSearchPath.SafeDirectories)]
    private static extern int truncate([System.Runtime.InteropServices.MarshalAs(System.Runtime.InteropServices.UnmanagedType.LPUTF8Str)] string path, long length);
#pragma warning restore CA2101

    private static int Truncate(string path, long length) => truncate(path, length);

    private static Task<AssembledBundle> BuildAsync(long budget, IPhaseDataSource source, string? directory = null)
    {
        var definition = new ExportCategoryDefinition(
            new ExportCategory("typed"),
            "Typed",
            "Every value type",
            [new ExportSectionDefinition("typed", "Typed", "Every value type", [ExportPhase.AuditFindings], Project)]);
        var assembler = new ExportBundleAssembler([source], TestClock.Create(), new ExportBundleAssemblerOptions { SpoolMemoryBudget = budget, TemporaryDirectory = directory });
        return assembler.BuildAsync(definition, Query(definition.Category), ThirtyDays, ExportId);
    }

    // Every kind of value a field may hold, varying with the record so that the cache of repeated strings is exercised.
    private static ProjectedItem Project(PhaseRecord record, DateTimeOffset now)
    {
        var n = int.Parse(record.RecordId.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture);
        ExportField[] data =
        [
            new("id", record.RecordId),
            new("nothing", null),
            new("flag", n % 2 == 0),
            new("int", n),
            new("long", long.MaxValue - n),
            new("double", n / 3.0),
            new("decimal", 1234.5600m + n),
            new("local", new DateTimeOffset(2026, 2, 1, 10, 0, 0, TimeSpan.FromHours(n % 3 == 0 ? 2 : -5)).AddMinutes(n)),
            new("empty", string.Empty),
            new("repeated", "severity-" + (n % 4)),
            new("long text", new string('x', 70 + n)),
            new("nested", Nested),
        ];
        return new ProjectedItem(new ExportItem(record.RecordId, "typed", record.Timestamp, data, n % 5 == 0 ? ["ref-" + n, "ref-z"] : []), "high", "open");
    }

    private static PhaseRecord[] Findings(int count) =>
        [.. Enumerable.Range(0, count).Select(i => new AuditFinding
        {
            AuditFindingId = "af-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
            TenantId = Tenant,
            Severity = "high",
            Category = "access",
            Status = "open",
            Description = "Finding " + i,
            FoundAt = TestClock.Now.AddDays(-10).AddMinutes(i),
        })];

    private static void AssertSame(ExportItem expected, ExportItem actual)
    {
        Assert.Equal(expected.ItemId, actual.ItemId);
        Assert.Equal(expected.ItemType, actual.ItemType);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.References, actual.References);
        Assert.Equal(expected.Data, actual.Data);
        for (var i = 0; i < expected.Data.Count; i++)
        {
            Assert.Equal(expected.Data[i].Value?.GetType(), actual.Data[i].Value?.GetType());
            Assert.Equal(ExportValueText.ToInvariantString(expected.Data[i].Value), ExportValueText.ToInvariantString(actual.Data[i].Value)); // a decimal's scale too
            if (expected.Data[i].Value is DateTimeOffset time)
            {
                Assert.Equal(time.Offset, ((DateTimeOffset)actual.Data[i].Value!).Offset);
            }
        }
    }

    private sealed class CountingListSource(ExportPhase phase, PhaseRecord[] records) : IPhaseDataSource
    {
        public ExportPhase Phase => phase;

        public int Reads { get; private set; }

        public IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, CancellationToken cancellationToken)
        {
            Reads++;
            return TestRecords.Stream(records);
        }
    }
}
