using ExportKit.Testing;

namespace ExportKit.Assembly.Tests.Bundling;

/// <summary>Regression: 100,000 levels of nested fields overflowed the stack in the counting pass (CanonicalHash).</summary>
public sealed class ExportBundleAssemblerFieldDepthTests
{
    private static readonly ExportCategoryDefinition DeepReport = new(DeepRecords.Category, "Deep Report", "Nested data",
        [new ExportSectionDefinition("deep", "Deep", "Deeply nested values", [DeepRecords.Phase])]);

    [Fact]
    public void The_counting_pass_refuses_a_hundred_thousand_levels_on_a_256_KB_stack()
    {
        ExportException? error = null;
        var thread = new Thread(
            () => error = Assert.ThrowsAsync<ExportException>(() => Build(DeepRecords.Record("deep-1", 100_000))).GetAwaiter().GetResult(),
            256 * 1024);
        thread.Start();
        thread.Join();

        Assert.NotNull(error);
        Assert.Equal(ExportErrorCodes.FieldTooDeep, error.ErrorCode);
        Assert.Contains("'deep-1'", error.Message, StringComparison.Ordinal);
        Assert.Contains("field 'payload'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_depth_counts_nested_objects_and_the_limit_is_inclusive()
    {
        await Build(DeepRecords.Record("deep-1", 3), maxDepth: 3);

        var error = await Assert.ThrowsAsync<ExportException>(() => Build(DeepRecords.Record("deep-1", 4), maxDepth: 3));
        Assert.Contains("more than 3 levels", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void A_limit_outside_1_to_256_is_refused(int depth)
    {
        Assert.Throws<ArgumentOutOfRangeException>(
            "options", () => new ExportBundleAssembler([], TestClock.Create(), new ExportBundleAssemblerOptions { MaxFieldDepth = depth }));
    }

    private static Task<AssembledBundle> Build(PhaseRecord record, int maxDepth = 64) =>
        new ExportBundleAssembler([DeepRecords.Source(record)], TestClock.Create(), new ExportBundleAssemblerOptions { MaxFieldDepth = maxDepth })
            .BuildAsync(DeepReport, AssemblerFixture.Query(DeepRecords.Category), AssemblerFixture.ThirtyDays, AssemblerFixture.ExportId);
}
