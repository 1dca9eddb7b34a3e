using System.Text;
using ExportKit.Formats.Tests.Json;
using ExportKit.Testing;

namespace ExportKit.Formats.Tests.Csv;

public sealed class CsvExportFormatterTests
{
    private static readonly string[] FormulaPayloads = ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tA", "\rA"];

    [Fact]
    public void Csv_returns_a_formatter_for_the_csv_format()
    {
        Assert.Equal(ExportFormat.Csv, ExportFormatters.Csv().Format);
    }

    [Fact]
    public void Options_default_to_no_byte_order_mark_and_neutralised_formulas()
    {
        var options = new CsvExportOptions();

        Assert.False(options.IncludeByteOrderMark);
        Assert.True(options.NeutralizeFormulas);
    }

    [Fact]
    public async Task Writes_one_row_per_item_with_section_title_instant_and_data_source()
    {
        var rows = CsvOutput.Read(await CsvOutput.WriteAsync(TestBundles.CompliancePack()));

        Assert.Equal(["Section", "Item ID", "Item Type", "Timestamp", "Data Source", "Details"], rows[0]);
        Assert.Equal(
            ["af-001", "af-002", "drift-001", "drift-002", "al-001", "task-001", "task-002", "al-002"],
            rows.Skip(1).Select(r => r[1]));
        Assert.Equal(["Audit Findings", "af-001", "audit-finding", "2026-02-10T08:00:00.0000000Z", "Phase 50: Audit & Governance Engine"], rows[1][..5]);
        Assert.Equal("Environmental Drift Events", rows[3][0]);
        Assert.Equal("Phase 52/53: Alert & Task SLA Tracking", rows[8][4]);
    }

    [Fact]
    public async Task Writes_details_as_escaped_key_value_pairs_with_nested_objects_in_braces()
    {
        var item = TestBundles.Item(
            "it-1",
            new("n", 1),
            new("none", null),
            new("text", @"a;b=c\d{e}"),
            new("nested", new ExportField[] { new("yes", true), new("inner", new ExportField[] { new("x", 0.25) }), new("empty", Array.Empty<ExportField>()) }),
            new("at", new DateTimeOffset(2026, 2, 10, 9, 30, 0, TimeSpan.FromHours(5.75))),
            new("big", 1.50m));

        var rows = CsvOutput.Read(await CsvOutput.WriteAsync(TestBundles.WithItems(item)));

        Assert.Equal(
            @"n=1; none=; text=a\;b\=c\\d\{e\}; nested={yes=true; inner={x=0.25}; empty={}}; at=2026-02-10T03:45:00.0000000Z; big=1.50",
            rows[1][5]);
    }

    [Fact]
    public async Task Writes_an_empty_details_cell_for_an_item_without_data()
    {
        var rows = CsvOutput.Read(await CsvOutput.WriteAsync(TestBundles.WithItems(TestBundles.Item("it-1"))));

        Assert.Equal(string.Empty, rows[1][5]);
    }

    [Fact]
    public async Task Reads_back_every_golden_case_with_its_details()
    {
        foreach (var caseName in CsvExportFormatterGoldenTests.Cases)
        {
            var bundle = CsvExportFormatterGoldenTests.Build(caseName);
            var expected = new List<string[]>();
            foreach (var section in bundle.Sections)
            {
                await foreach (var item in section.Items)
                {
                    expected.Add([section.Title, item.ItemId, item.ItemType, ExportValueText.FormatInstant(item.Timestamp), section.DataSource, DetailsText.Canonical(DetailsText.Expected(item.Data))]);
                }
            }

            var rows = CsvOutput.Read(await CsvOutput.WriteAsync(bundle));

            Assert.Equal(expected, rows.Skip(1).Select(r => r[..5].Append(DetailsText.Canonical(DetailsText.Parse(r[5]))).ToArray()));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Round_trips_hostile_keys_and_values_through_csvhelpers_reader(bool neutralize)
    {
        string[] hostile =
        [
            "semi; colon", "a=b", @"back\slash\", "quote \" and \"\"", "line\nbreak\r\nand\rcr", "comma, here",
            "{braces}", "} stray {", "; ", "=", @"\", "'apostrophe first", "'=looks neutralised", "'+1 looks neutralised too", "trailing space ",
            "", "emoji 😀 and é",
        ];

        // A field needs a name (ExportField refuses an empty one); the empty text is still a value.
        static string Name(string text) => text.Length == 0 ? "empty" : text;
        var items = hostile.Select((text, i) => new ExportItem(
            $"it-{i} {text}",
            "test-item",
            TestRecords.Base,
            [new(Name(text), text), new("v", text), new("nested", new ExportField[] { new(Name(text), new ExportField[] { new(Name(text), text) }), new("n", null) }), new(text + "=", null)])).ToArray();
        var options = new CsvExportOptions { NeutralizeFormulas = neutralize };

        var rows = CsvOutput.Read(await CsvOutput.WriteAsync(TestBundles.WithItems(items), options));

        Assert.Equal(items.Length + 1, rows.Count);
        for (var i = 0; i < items.Length; i++)
        {
            var row = rows[i + 1];
            Assert.Equal(6, row.Length);
            Assert.Equal(items[i].ItemId, CsvOutput.Unneutralize(row[1]));
            var details = neutralize ? CsvOutput.Unneutralize(row[5]) : row[5];
            Assert.Equal(DetailsText.Canonical(DetailsText.Expected(items[i].Data)), DetailsText.Canonical(DetailsText.Parse(details)));
        }
    }

    [Fact]
    public async Task Neutralises_formula_payloads_in_every_column()
    {
        var rows = CsvOutput.Read(await CsvOutput.WriteAsync(FormulaBundle()));

        Assert.All(rows.SelectMany(r => r), cell => Assert.False(CsvFormulaGuard.IsDangerous(cell), $"Cell {Show(cell)} would run as a formula."));
        for (var i = 0; i < FormulaPayloads.Length; i++)
        {
            var payload = FormulaPayloads[i];
            var guarded = "'" + payload;
            var row = rows.Single(r => r[1] == guarded);
            Assert.Equal([guarded, guarded, guarded, guarded], new[] { row[0], row[1], row[2], row[4] });
            Assert.Equal(CsvFormulaGuard.Neutralize(DetailsText.Escape(payload) + "=" + DetailsText.Escape(payload)), row[5]);
        }
    }

    [Fact]
    public async Task Leaves_formula_payloads_alone_when_neutralising_is_off()
    {
        var rows = CsvOutput.Read(await CsvOutput.WriteAsync(FormulaBundle(), new CsvExportOptions { NeutralizeFormulas = false }));

        for (var i = 0; i < FormulaPayloads.Length; i++)
        {
            var payload = FormulaPayloads[i];
            var row = rows.Single(r => r[1] == payload);
            Assert.Equal([payload, payload, payload, payload], new[] { row[0], row[1], row[2], row[4] });
            Assert.Equal(DetailsText.Escape(payload) + "=" + DetailsText.Escape(payload), row[5]);
        }

        Assert.Contains(rows, r => r[5].StartsWith('+'));
    }

    [Fact]
    public async Task Writes_utf8_without_a_byte_order_mark_by_default()
    {
        var bytes = await CsvOutput.WriteAsync(TestBundles.AlertLogs());

        Assert.Equal("Section,"u8.ToArray(), bytes[..8]);
    }

    [Fact]
    public async Task Starts_with_a_byte_order_mark_when_asked()
    {
        var plain = await CsvOutput.WriteAsync(TestBundles.AlertLogs());

        var marked = await CsvOutput.WriteAsync(TestBundles.AlertLogs(), new CsvExportOptions { IncludeByteOrderMark = true });

        Assert.Equal(Encoding.UTF8.Preamble.ToArray().Concat(plain), marked);
    }

    [Fact]
    public async Task Quotes_only_the_cells_that_need_it()
    {
        var item = new ExportItem("plain", "with,comma", TestRecords.Base, [new("q", "say \"hi\"")]);

        var text = await CsvOutput.WriteTextAsync(TestBundles.WithItems(item));

        Assert.EndsWith("\r\nCustom,plain,\"with,comma\",2026-02-10T08:00:00.0000000Z,Phase 99: Test Engine,\"q=say \"\"hi\"\"\"\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_options_once_when_created()
    {
        var options = new CsvExportOptions { NeutralizeFormulas = false };
        var formatter = ExportFormatters.Csv(options);
        options.NeutralizeFormulas = true;
        using var stream = new MemoryStream();

        await formatter.WriteAsync(TestBundles.WithItems(new ExportItem("=1", "t", TestRecords.Base, [])), stream, CancellationToken.None);

        Assert.Equal("=1", CsvOutput.Read(stream.ToArray())[1][1]);
    }

    [Fact]
    public async Task Leaves_the_destination_open()
    {
        using var stream = new MemoryStream();

        await ExportFormatters.Csv().WriteAsync(TestBundles.AlertLogs(), stream, CancellationToken.None);

        Assert.True(stream.CanWrite);
        Assert.True(stream.Length > 0);
    }

    [Fact]
    public async Task Stops_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ExportFormatters.Csv().WriteAsync(TestBundles.CompliancePack(), Stream.Null, cancellation.Token));
    }

    [Fact]
    public async Task Guards_its_arguments()
    {
        var formatter = ExportFormatters.Csv();

        await Assert.ThrowsAsync<ArgumentNullException>("bundle", () => formatter.WriteAsync(null!, Stream.Null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>("destination", () => formatter.WriteAsync(TestBundles.AlertLogs(), null!, CancellationToken.None));
        using var readOnly = new MemoryStream([], writable: false);
        await Assert.ThrowsAsync<ArgumentException>("destination", () => formatter.WriteAsync(TestBundles.AlertLogs(), readOnly, CancellationToken.None));
    }

    // One section per payload: the payload is the section title and data source, the item id and type, and the
    // item's first field name and value, so it reaches the start of every text cell (and of Details).
    private static ExportBundle FormulaBundle() => TestBundles.Bundle(
        "bnd_f0f0f0f0f0f0f0f0f0f0f0f0", "Formulas", "Payloads.", new ExportCategory("custom"), new ExportScope("acme"),
        [.. FormulaPayloads.Select((payload, i) => new ExportSection(
            $"s{i}", payload, "", payload, new SectionSummary("1 item.", [], []), 1, TestClock.Now,
            TestRecords.Stream([new ExportItem(payload, payload, TestRecords.Base, [new(payload, payload)])])))]);

    private static string Show(string cell) => "'" + cell.Replace("\t", "\\t", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal) + "'";
}
