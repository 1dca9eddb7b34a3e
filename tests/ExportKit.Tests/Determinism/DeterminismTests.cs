using ExportKit.Testing;

namespace ExportKit.Tests.Determinism;

/// <summary>The same data, query, clock and ids give the same bytes, whatever the culture and time zone.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public async Task Two_exports_of_the_same_data_give_the_same_bytes()
    {
        var first = await new TestEngine().ExportAsync(TestEngine.Query(ExportCategory.FullOperational));
        var second = await new TestEngine().ExportAsync(TestEngine.Query(ExportCategory.FullOperational));

        Assert.Equal(first.Bytes, second.Bytes);
        Assert.Equal(first.Result.Sha256, second.Result.Sha256);
    }

    [Theory]
    [InlineData("tr-TR", "Pacific/Chatham")]
    [InlineData("de-DE", "America/St_Johns")]
    [InlineData("ar-SA", "Asia/Kathmandu")]
    public async Task Another_culture_and_time_zone_give_the_same_bytes(string culture, string timeZone)
    {
        var expected = await new TestEngine().ExportAsync(TestEngine.Query(ExportCategory.FullOperational));

        var actual = await CultureAndTimeZone.RunAsync(culture, timeZone, () => new TestEngine().ExportAsync(TestEngine.Query(ExportCategory.FullOperational)));

        Assert.Equal(expected.Bytes, actual.Bytes);
    }

    [Fact]
    public async Task Bundle_id_depends_on_content_and_export_id_on_execution()
    {
        var engine = new TestEngine();
        var first = await engine.ExportAsync(TestEngine.Query(ExportCategory.CompliancePack));
        var second = await engine.ExportAsync(TestEngine.Query(ExportCategory.CompliancePack));
        var otherTenant = await engine.ExportAsync(TestEngine.Query(ExportCategory.CompliancePack, tenant: "globex"));

        Assert.Equal(first.Result.BundleId, second.Result.BundleId);
        Assert.NotEqual(first.Result.ExportId, second.Result.ExportId);
        Assert.NotEqual(first.Result.BundleId, otherTenant.Result.BundleId);
        Assert.Matches("^bnd_[0-9a-f]{24}$", first.Result.BundleId);
    }
}
