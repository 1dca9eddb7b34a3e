using ExportKit.Testing;
using static ExportKit.Assembly.Tests.AssemblerFixture;

namespace ExportKit.Assembly.Tests.Bundling;

/// <summary>
/// <c>BuildAsync(…, itemsReadPerSection)</c>: for a formatter that reads only the first items of a section, every item
/// is still counted, summarised and hashed, but only those are kept; reading past them is refused, never cut short.
/// </summary>
public sealed class ExportBundleAssemblerKeptItemsTests : IDisposable
{
    private readonly string missingDirectory = Path.Combine(Path.GetTempPath(), "exportkit-kept-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(missingDirectory))
        {
            Directory.Delete(missingDirectory, recursive: true);
        }
    }

    private static AuditFinding Finding(int i, string description = "leak") => new()
    {
        AuditFindingId = $"af-{i:D4}", TenantId = Tenant, FacilityId = "f1", Severity = i % 2 == 0 ? "high" : "low", Category = "leak",
        Status = "open", Description = description, FoundAt = Base.AddMinutes(i), References = [$"ref-{i:D4}"],
    };

    private static Task<AssembledBundle> BuildAsync(IEnumerable<PhaseRecord> records, int? itemsReadPerSection, ExportBundleAssemblerOptions? options = null) =>
        new ExportBundleAssembler([new ListSource(ExportPhase.AuditFindings, records)], TestClock.Create(), options ?? new())
            .BuildAsync(Definition(ExportCategory.AuditFindings), Query(ExportCategory.AuditFindings), ThirtyDays, ExportId, itemsReadPerSection: itemsReadPerSection);

    [Fact]
    public async Task Every_item_is_counted_and_hashed_but_only_the_first_are_kept()
    {
        var records = Enumerable.Range(0, 25).Select(i => Finding(i)).ToArray();
        using var all = await BuildAsync(records, itemsReadPerSection: null);

        using var kept = await BuildAsync(records, itemsReadPerSection: 4);

        Assert.Equal(all.Bundle.BundleId, kept.Bundle.BundleId);
        Assert.Equal(all.Bundle.References, kept.Bundle.References);
        Assert.Equal(25, kept.Section("audit-findings").ItemCount);
        Assert.Equal(all.Section("audit-findings").Summary.Text, kept.Section("audit-findings").Summary.Text);
        var read = new List<string>();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var item in kept.Section("audit-findings").Items)
            {
                read.Add(item.ItemId);
            }
        });
        Assert.Equal(["af-0000", "af-0001", "af-0002", "af-0003"], read);
        Assert.Equal("Section 'audit-findings' has 25 items, but the bundle keeps only the first 4: it was assembled for a formatter that reads no more of a section. Assemble it without itemsReadPerSection to read them all.", error.Message);

        // Reading the kept ones again, and stopping there, is fine: that is what a report does.
        await using var again = kept.Section("audit-findings").Items.GetAsyncEnumerator();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(await again.MoveNextAsync());
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public async Task A_section_within_the_number_reads_to_its_end(int count)
    {
        using var kept = await BuildAsync(Enumerable.Range(0, count).Select(i => Finding(i)), itemsReadPerSection: 4);

        Assert.Equal(count, (await kept.Section("audit-findings").ReadItemsAsync()).Count);
    }

    [Fact]
    public async Task Items_past_the_number_are_not_spooled_so_no_temporary_file_is_needed()
    {
        // 40 records of 400,000 characters: far past the 8 MiB held in memory, which would need a spool file.
        var records = Enumerable.Range(0, 40).Select(i => Finding(i, new string('x', 400_000))).ToArray();
        var options = new ExportBundleAssemblerOptions { TemporaryDirectory = missingDirectory };

        using var kept = await BuildAsync(records, itemsReadPerSection: 10, options);
        var spooled = await Assert.ThrowsAsync<ExportException>(() => BuildAsync(records, itemsReadPerSection: null, options));

        Assert.Equal(40, kept.Section("audit-findings").ItemCount);
        Assert.Equal(ExportErrorCodes.StorageFailed, spooled.ErrorCode);
        Assert.False(Directory.Exists(missingDirectory));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task A_number_below_one_is_refused(int itemsReadPerSection)
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => BuildAsync([Finding(0)], itemsReadPerSection));

        Assert.Equal("itemsReadPerSection", error.ParamName);
    }
}
