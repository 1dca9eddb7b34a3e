using ExportKit.Formats.Tests.Html;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.Streaming;

/// <summary>
/// <see cref="ExportFormatters.ItemsReadPerSection"/>: what a built-in report that shows the first items of a section
/// says it reads, so that an assembler keeps no more — and that it indeed reads no more.
/// </summary>
public sealed class ItemsReadPerSectionTests
{
    public static TheoryData<string, int?> Declared => new()
    {
        { "html", HtmlExportOptions.DefaultMaxRowsPerSection + 1 },
        { "html-cap-3", 4 },
        { "markdown", 10 },
        { "json", null },
        { "csv", null },
        { "zip", null },
        { "auditor-package", null },
    };

    public static TheoryData<string> Reports => new() { "html", "html-cap-3", "markdown" };

    [Theory]
    [MemberData(nameof(Declared))]
    public void A_built_in_formatter_says_how_many_items_of_a_section_it_reads(string name, int? expected)
    {
        Assert.Equal(expected, ExportFormatters.ItemsReadPerSection(Create(name)));
    }

    [Fact]
    public void A_formatter_that_is_not_built_in_reads_every_item_for_all_anyone_knows()
    {
        Assert.Null(ExportFormatters.ItemsReadPerSection(new HostFormatter()));
        Assert.Throws<ArgumentNullException>(() => ExportFormatters.ItemsReadPerSection(null!));
    }

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task A_report_reads_no_more_items_of_a_section_than_it_says(string name)
    {
        var formatter = Create(name);
        var items = new GeneratedItems(3_000);
        using var output = new MemoryStream();

        await formatter.WriteAsync(TestBundles.WithItems(items, 3_000), output, CancellationToken.None);

        Assert.True(output.Length > 0);
        Assert.Equal(ExportFormatters.ItemsReadPerSection(formatter), items.Read);
    }

    private static IExportFormatter Create(string name) => name switch
    {
        "html" => ExportFormatters.Html(),
        "html-cap-3" => ExportFormatters.Html(new HtmlExportOptions { MaxRowsPerSection = 3 }),
        "markdown" => ExportFormatters.Markdown(),
        "json" => ExportFormatters.Json(),
        "csv" => ExportFormatters.Csv(),
        "zip" => ExportFormatters.Zip(),
        "auditor-package" => ExportFormatters.AuditorPackage(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such formatter in this test."),
    };

    private sealed class HostFormatter : IExportFormatter
    {
        public ExportFormat Format => ExportFormat.Html;

        public Task WriteAsync(ExportBundle bundle, Stream destination, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
