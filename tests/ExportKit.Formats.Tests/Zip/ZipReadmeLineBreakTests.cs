using System.Text;
using ExportKit.Formats.Tests.Html;
using ExportKit.Formats.Tests.Text;
using ExportKit.Formats.Zip;

namespace ExportKit.Formats.Tests.Zip;

/// <summary>A title with U+2028 forged a <c>Tenant:</c> line in README.txt: data must never add a line of its own.</summary>
public sealed class ZipReadmeLineBreakTests
{
    public static TheoryData<string> Payloads => [.. HostileData.LineBreakPayloads];

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Readme_txt_keeps_exactly_its_fixed_lines_when_data_holds_a_line_break(string payload)
    {
        var hostile = await ReadmeAsync(payload);
        var benign = await ReadmeAsync("plain words");

        var lines = AnyLineBreak.Lines(hostile);
        Assert.Equal(AnyLineBreak.Lines(benign).Length, lines.Length);
        Assert.Single(lines, l => l.StartsWith("Tenant:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("# ", StringComparison.Ordinal));
        Assert.False(AnyLineBreak.HasBreakOrControl(hostile.Replace("\n", string.Empty, StringComparison.Ordinal)), hostile);
    }

    [Fact]
    public async Task A_title_with_a_line_separator_stays_on_the_title_line()
    {
        var text = await ReadmeAsync("Quarterly\u2028Tenant: other-tenant");

        Assert.StartsWith("Quarterly Tenant: other-tenant\n", text, StringComparison.Ordinal);
        Assert.Contains("\nTenant: Quarterly Tenant: other-tenant\n", text, StringComparison.Ordinal);
    }

    private static async Task<string> ReadmeAsync(string payload)
    {
        var zip = await ZipOutput.WriteAsync(ZipOutput.AsZip(HostileData.Everywhere(payload, ExportFormat.Zip)));
        return Encoding.UTF8.GetString(ZipOutput.Entries(zip).Single(e => e.Name == ZipReadme.EntryName).Content);
    }
}
