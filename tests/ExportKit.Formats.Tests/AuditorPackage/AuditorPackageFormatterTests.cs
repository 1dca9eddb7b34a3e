using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ExportKit.Formats.AuditorPackage;
using ExportKit.Formats.BagIt;
using ExportKit.Formats.Tests.Json;
using ExportKit.Testing;

namespace ExportKit.Formats.Tests.AuditorPackage;

public sealed class AuditorPackageFormatterTests
{
    private const string ComplianceRoot = "bnd_0c0ffee0c0ffee0c0ffee000-compliance-pack/";
    private const string AlertRoot = "bnd_a1e7a1e7a1e7a1e7a1e7a1e7-alert-logs/";

    [Fact]
    public async Task Compliance_pack_has_the_specified_folders_inside_one_bag()
    {
        var zip = await AuditorPackages.WriteAsync(AuditorPackages.Bundle("CompliancePack"));

        Assert.Equal(
            [
                "bag-info.txt", "bagit.txt",
                "data/audit-findings/findings.csv", "data/audit-findings/findings.json",
                "data/drift-logs/drifts.csv", "data/drift-logs/drifts.json",
                "data/index.html", "data/metadata/README.md", "data/metadata/export-info.json",
                "data/sla-compliance/sla.csv", "data/sla-compliance/sla.json",
                "manifest-sha256.txt", "tagmanifest-sha256.txt",
            ],
            AuditorPackages.EntryNames(zip).Select(n => n.Replace(ComplianceRoot, string.Empty, StringComparison.Ordinal)));
        Assert.All(AuditorPackages.EntryNames(zip), n => Assert.StartsWith(ComplianceRoot, n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Single_source_package_has_a_folder_named_after_its_section()
    {
        var zip = await AuditorPackages.WriteAsync(AuditorPackages.Bundle("AlertLogs"));

        Assert.Equal(
            [
                AlertRoot + "bag-info.txt", AlertRoot + "bagit.txt",
                AlertRoot + "data/alert-logs/alert-logs.csv", AlertRoot + "data/alert-logs/alert-logs.json",
                AlertRoot + "data/index.html", AlertRoot + "data/metadata/README.md", AlertRoot + "data/metadata/export-info.json",
                AlertRoot + "manifest-sha256.txt", AlertRoot + "tagmanifest-sha256.txt",
            ],
            AuditorPackages.EntryNames(zip));
    }

    [Fact]
    public async Task Entry_list_and_tag_files_match_the_golden_file()
    {
        var zip = await AuditorPackages.WriteAsync(AuditorPackages.Bundle("CompliancePack"));

        var text = new StringBuilder("# entries\n");
        foreach (var name in AuditorPackages.EntryNames(zip))
        {
            text.Append(name).Append('\n');
        }

        foreach (var tag in new[] { "bagit.txt", "bag-info.txt", "manifest-sha256.txt", "tagmanifest-sha256.txt" })
        {
            text.Append("\n# ").Append(tag).Append('\n').Append(AuditorPackages.ReadText(zip, ComplianceRoot + tag));
        }

        GoldenFile.Verify(nameof(AuditorPackageFormatterTests), "CompliancePack", "txt", text.ToString());
    }

    [Fact]
    public async Task Readme_and_index_page_match_their_golden_files()
    {
        var zip = await AuditorPackages.WriteAsync(AuditorPackages.Bundle("CompliancePack"));

        GoldenFile.Verify(nameof(AuditorPackageFormatterTests), "CompliancePack.README", "md", AuditorPackages.ReadText(zip, ComplianceRoot + "data/metadata/README.md"));
        GoldenFile.Verify(nameof(AuditorPackageFormatterTests), "CompliancePack.index", "html", AuditorPackages.ReadText(zip, ComplianceRoot + "data/index.html"));
        GoldenFile.Verify(nameof(AuditorPackageFormatterTests), "CompliancePack.export-info", "json", AuditorPackages.ReadText(zip, ComplianceRoot + "data/metadata/export-info.json"));
    }

    [Fact]
    public async Task Bag_info_names_the_organisation_date_bundle_title_and_payload_size()
    {
        var zip = await AuditorPackages.WriteAsync(AuditorPackages.Bundle("AlertLogs"), new AuditorPackageOptions { SourceOrganization = "Acme Compliance" });

        using var archive = AuditorPackages.Open(zip);
        var payload = archive.Entries.Where(e => e.FullName.StartsWith(AlertRoot + "data/", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            "Source-Organization: Acme Compliance\nBagging-Date: 2026-03-01\nExternal-Identifier: bnd_a1e7a1e7a1e7a1e7a1e7a1e7\n"
            + $"External-Description: Alert Logs\nPayload-Oxum: {payload.Sum(e => e.Length)}.5\n",
            AuditorPackages.ReadText(zip, AlertRoot + "bag-info.txt"));
        Assert.Equal("BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", AuditorPackages.ReadText(zip, AlertRoot + "bagit.txt"));
    }

    [Fact]
    public async Task Section_json_is_the_bundle_narrowed_to_that_section()
    {
        var zip = await AuditorPackages.WriteAsync(AuditorPackages.Bundle("CompliancePack"));

        using var drifts = JsonDocument.Parse(AuditorPackages.ReadText(zip, ComplianceRoot + "data/drift-logs/drifts.json"));
        var root = drifts.RootElement;
        Assert.Equal("json", root.GetProperty("format").GetString());
        Assert.Equal(["drift-events"], root.GetProperty("sections").EnumerateArray().Select(s => s.GetProperty("sectionId").GetString()));
        Assert.Equal(2, root.GetProperty("sections")[0].GetProperty("items").GetArrayLength());
        Assert.Equal(1, root.GetProperty("metadata").GetProperty("totalSections").GetInt32());
        Assert.Equal(2, root.GetProperty("metadata").GetProperty("totalItems").GetInt32());
        Assert.Equal("json", root.GetProperty("metadata").GetProperty("format").GetString());
        Assert.False(root.GetProperty("metadata").GetProperty("compressed").GetBoolean());
        Assert.StartsWith("sectionId,itemId", AuditorPackages.ReadText(zip, ComplianceRoot + "data/drift-logs/drifts.csv"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_info_has_the_header_and_sections_but_no_items()
    {
        var zip = await AuditorPackages.WriteAsync(AuditorPackages.Bundle("CompliancePack"));

        using var info = JsonDocument.Parse(AuditorPackages.ReadText(zip, ComplianceRoot + "data/metadata/export-info.json"));
        var root = info.RootElement;
        Assert.Equal(
            ["bundleId", "exportId", "title", "description", "category", "format", "scope", "timeRange", "sections", "references", "metadata"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("auditor-package", root.GetProperty("format").GetString());
        Assert.Equal(8, root.GetProperty("metadata").GetProperty("totalItems").GetInt32());
        var sla = root.GetProperty("sections")[2];
        Assert.Equal(["sectionId", "title", "dataSource", "itemCount", "summary", "files"], sla.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["data/sla-compliance/sla.json", "data/sla-compliance/sla.csv"], sla.GetProperty("files").EnumerateArray().Select(f => f.GetString()));
        Assert.DoesNotContain("\"items\"", info.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_page_is_html5_linking_every_file_and_escapes_data()
    {
        var bundle = AuditorPackages.Bundle("AlertLogs").With(it => it.Title, "Alerts <script>alert(1)</script> [x](javascript:evil)");

        var zip = await AuditorPackages.WriteAsync(bundle);

        var html = AuditorPackages.ReadText(zip, AlertRoot + "data/index.html");
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", html, StringComparison.Ordinal);
        Assert.EndsWith("</main>\n</body>\n</html>\n", html, StringComparison.Ordinal);
        foreach (var href in new[] { "alert-logs/alert-logs.json", "alert-logs/alert-logs.csv", "metadata/README.md", "metadata/export-info.json", "../manifest-sha256.txt", "../bag-info.txt" })
        {
            Assert.Contains($"<a href=\"{href}\">", html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Alerts &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:evil): auditor package</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Writes_the_same_bytes_twice()
    {
        var first = await AuditorPackages.WriteAsync(AuditorPackages.Bundle("CompliancePack"));
        var second = await AuditorPackages.WriteAsync(AuditorPackages.Bundle("CompliancePack"));

        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData("tr-TR", "Pacific/Chatham")]
    [InlineData("ar-SA", "Asia/Kathmandu")]
    public async Task Writes_the_same_bytes_under_any_culture_and_time_zone(string culture, string timeZone)
    {
        var expected = await AuditorPackages.WriteAsync(AuditorPackages.Bundle("CompliancePack"));

        var actual = await CultureAndTimeZone.RunAsync(culture, timeZone, () => AuditorPackages.WriteAsync(AuditorPackages.Bundle("CompliancePack")));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("CompliancePack")]
    [InlineData("AlertLogs")]
    [InlineData("ExecutiveSummary")]
    public async Task Packages_verify_as_valid_bags(string caseName)
    {
        var zip = await AuditorPackages.WriteAsync(AuditorPackages.Bundle(caseName));

        var report = await BagItVerifier.VerifyZipAsync(new MemoryStream(zip));

        Assert.True(report.IsValid, report.ToString());
    }

    [Fact]
    public async Task Stored_entries_are_not_compressed_and_still_verify()
    {
        var zip = await AuditorPackages.WriteAsync(AuditorPackages.Bundle("AlertLogs"), new AuditorPackageOptions { CompressionLevel = CompressionLevel.NoCompression });

        using (var archive = AuditorPackages.Open(zip))
        {
            Assert.All(archive.Entries, e => Assert.Equal(e.Length, e.CompressedLength));
        }

        Assert.True((await BagItVerifier.VerifyZipAsync(new MemoryStream(zip))).IsValid);
    }

    [Theory]
    [InlineData("", "SourceOrganization is blank")]
    [InlineData("Acme\nEvil-Field: x", "SourceOrganization contains a line break")]
    public void Invalid_options_are_refused_with_every_problem(string organisation, string expected)
    {
        var options = new AuditorPackageOptions { SourceOrganization = organisation, CompressionLevel = (CompressionLevel)42 };

        var error = Assert.Throws<ArgumentException>(() => ExportFormatters.AuditorPackage(options));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("CompressionLevel is 42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_section_formatter_that_disposes_its_stream_does_not_break_the_package()
    {
        var formatter = new AuditorPackageFormatter(ExportFormatters.Json(), new FakeCsvFormatter(disposesDestination: true), new AuditorPackageOptions());
        using var stream = new MemoryStream();

        await formatter.WriteAsync(AuditorPackages.Bundle("CompliancePack"), stream, CancellationToken.None);

        Assert.Equal(await AuditorPackages.WriteAsync(AuditorPackages.Bundle("CompliancePack")), stream.ToArray());
    }

    [Fact]
    public void Formatters_of_the_wrong_format_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new AuditorPackageFormatter(ExportFormatters.Json(), ExportFormatters.Json(), new AuditorPackageOptions()));

        Assert.Equal("csv", error.ParamName);
    }

    [Theory]
    [InlineData("metadata")]
    [InlineData("../evil")]
    [InlineData("a/b")]
    public async Task Section_ids_that_cannot_be_folders_are_refused(string sectionId)
    {
        var bundle = TestBundles.WithItems(TestRecords.Stream(Array.Empty<ExportItem>()), 0, sectionId);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => AuditorPackages.Formatter().WriteAsync(bundle, new MemoryStream(), CancellationToken.None));

        Assert.Contains(sectionId, error.Message, StringComparison.Ordinal);
    }
}
