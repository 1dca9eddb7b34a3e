using System.Text;
using ExportKit.Testing;

namespace ExportKit.Tests.Engine;

/// <summary>The JSON the whole pipeline writes, end to end, against golden files.</summary>
public sealed class ExportEngineGoldenTests
{
    public static TheoryData<string> Categories => new() { "compliance-pack", "executive-summary", "alert-logs" };

    [Theory]
    [MemberData(nameof(Categories))]
    public async Task Json_export_matches_its_golden_file(string category)
    {
        var (result, bytes) = await new TestEngine().ExportAsync(TestEngine.Query(new ExportCategory(category)));

        Assert.True(result.Succeeded, result.ErrorMessage);
        GoldenFile.Verify(nameof(ExportEngineGoldenTests), category, "json", bytes);
    }

    [Fact]
    public async Task Golden_export_holds_no_record_of_another_tenant()
    {
        var (_, bytes) = await new TestEngine().ExportAsync(TestEngine.Query(ExportCategory.FullOperational));

        var json = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("globex", json, StringComparison.Ordinal);
        Assert.Contains("\"tenantId\": \"acme\"", json, StringComparison.Ordinal);
    }
}
