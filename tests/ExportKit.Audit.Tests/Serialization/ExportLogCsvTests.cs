using System.Text;
using CsvHelper;
using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Serialization;

public sealed class ExportLogCsvTests
{
    private const string Header = "Timestamp,Entry Type,Tenant ID,Facility ID,User ID,Bundle ID,Category,Format,Items,Size Bytes,Allowed,Message";

    private static async Task<byte[]> WriteCsv(IExportLogStore store, ExportLogFilter? filter = null)
    {
        using var output = new MemoryStream();
        await store.WriteCsvAsync(output, filter);
        return output.ToArray();
    }

    private static List<string[]> ReadBack(byte[] csv, out IReadOnlyList<string> header)
    {
        using var reader = CsvReader.Create(new MemoryStream(csv), null, leaveOpen: false);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        header = reader.Headers.ToArray();
        return rows;
    }

    [Fact]
    public async Task Writes_a_header_and_one_row_per_entry_that_read_back_to_the_same_values()
    {
        var store = await LogEntries.StoreWith(LogEntries.SmallLog());

        var rows = ReadBack(await WriteCsv(store), out var header);

        Assert.Equal(Header.Split(','), header);
        Assert.Equal(5, rows.Count);
        Assert.Equal(["2026-03-01T09:00:00.0000000Z", "policy-decision", "acme", "f1", "dana", "", "", "", "", "", "true", "All policy checks passed"], rows[0]);
        Assert.Equal(["2026-03-01T09:00:02.0000000Z", "export-generated", "acme", "f1", "dana", "bundle-3f9a", "compliance-pack", "csv", "128", "64000", "", ""], rows[1]);
        Assert.Equal(["2026-03-01T10:00:00.0000000Z", "export-downloaded", "acme", "", "auditor-1", "bundle-3f9a", "", "csv", "", "64000", "", "compliance-pack_bundle-3f9a.csv"], rows[2]);
        Assert.Equal(["2026-03-01T11:00:00.0000000Z", "policy-decision", "globex", "", "mallory", "", "", "", "", "", "false", "Cross-tenant export denied; Format auditor-package requires the auditor role"], rows[3]);
        Assert.Equal(["2026-03-01T11:55:00.0000000Z", "error", "", "", "anonymous", "", "", "", "", "", "", "Source \"drift\" failed: timeout"], rows[4]);
    }

    [Fact]
    public async Task Matches_the_golden_file()
    {
        var store = await LogEntries.StoreWith(LogEntries.SmallLog());

        GoldenFile.Verify(nameof(ExportLogCsvTests), "SmallLog", "csv", await WriteCsv(store));
    }

    [Fact]
    public async Task Rows_end_with_CRLF_and_cells_with_quotes_or_line_breaks_are_quoted()
    {
        var store = await LogEntries.StoreWith([LogEntries.Error(message: "line one\nline \"two\", three")]);

        var bytes = await WriteCsv(store);
        var text = Encoding.UTF8.GetString(bytes);

        Assert.StartsWith(Header + "\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith(",\"line one\nline \"\"two\"\", three\"\r\n", text, StringComparison.Ordinal);
        Assert.Equal("line one\nline \"two\", three", ReadBack(bytes, out _)[0][11]);
    }

    [Fact]
    public async Task A_decision_without_a_reason_lists_its_violations()
    {
        var store = await LogEntries.StoreWith([LogEntries.Decision(allowed: false, reason: "", violations: ["Tenant mismatch", "Retention exceeded"])]);

        Assert.Equal("Tenant mismatch; Retention exceeded", ReadBack(await WriteCsv(store), out _)[0][11]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+1")]
    [InlineData("-2")]
    [InlineData("@x")]
    [InlineData("\tA")]
    [InlineData("\rA")]
    public async Task Formula_payloads_come_out_neutralised_in_every_text_column(string payload)
    {
        var store = await LogEntries.StoreWith(
        [
            new ExportDownloadedEntry
            {
                Timestamp = TestClock.Now,
                TenantId = payload,
                FacilityId = payload,
                BundleId = payload,
                Format = payload,
                FileName = payload,
                SizeBytes = 1,
                DownloadedBy = payload,
            },
            LogEntries.Error(message: payload),
        ]);

        var rows = ReadBack(await WriteCsv(store), out _);

        var neutralised = "'" + payload;
        Assert.Equal([neutralised, neutralised, neutralised, neutralised, "", neutralised, "", "1", "", neutralised], rows[0][2..]);
        Assert.Equal(neutralised, rows[1][11]);
    }

    [Fact]
    public async Task An_empty_log_is_the_header_alone()
    {
        Assert.Equal(Header + "\r\n", Encoding.UTF8.GetString(await WriteCsv(new InMemoryExportLogStore())));
    }

    [Fact]
    public async Task Writes_only_the_entries_the_filter_matches()
    {
        var store = await LogEntries.StoreWith(LogEntries.SmallLog());

        var rows = ReadBack(await WriteCsv(store, new ExportLogFilter { EntryType = ExportLogEntryTypes.Error }), out _);

        Assert.Equal("error", Assert.Single(rows)[1]);
    }

    [Fact]
    public async Task Writes_the_same_bytes_in_any_culture_and_time_zone()
    {
        var store = await LogEntries.StoreWith([.. LogEntries.SmallLog(), LogEntries.Generated(sizeBytes: 1_234_567, generationTimeMs: 1500)]);
        var invariant = await WriteCsv(store);

        var turkish = await CultureAndTimeZone.RunAsync("tr-TR", "Asia/Tokyo", () => WriteCsv(store));

        Assert.Equal(invariant, turkish);
        Assert.Contains(",1234567,", Encoding.UTF8.GetString(turkish), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_a_missing_or_read_only_destination()
    {
        var store = new InMemoryExportLogStore();
        using var readOnly = new MemoryStream([], writable: false);

        await Assert.ThrowsAsync<ArgumentNullException>("destination", () => store.WriteCsvAsync(null!).AsTask());
        await Assert.ThrowsAsync<ArgumentException>("destination", () => store.WriteCsvAsync(readOnly).AsTask());
    }
}
