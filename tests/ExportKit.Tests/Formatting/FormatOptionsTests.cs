using System.IO.Compression;
using ExportKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExportKit.Tests.Formatting;

public sealed class FormatOptionsTests
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task Csv_options_given_once_apply_to_csv_files_and_inside_zips_and_auditor_packages()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(TestClock.Create());
        var kit = services.AddExportKit().AddCsvFormat(o => o.IncludeByteOrderMark = true);
        HostFormatterOrderTests.AddSources(kit);

        var csv = await HostFormatterOrderTests.ExportAsync(services, ExportFormat.Csv);
        var zip = await HostFormatterOrderTests.ExportAsync(services, ExportFormat.Zip);
        var package = await HostFormatterOrderTests.ExportAsync(services, ExportFormat.AuditorPackage);

        Assert.Equal(Bom, csv[..3]);
        Assert.All(EntriesEndingWith(zip, ".csv"), entry => Assert.Equal(Bom, entry[..3]));
        Assert.All(EntriesEndingWith(package, ".csv"), entry => Assert.Equal(Bom, entry[..3]));
    }

    [Fact]
    public async Task A_host_csv_formatter_writes_the_csv_inside_zips_and_auditor_packages()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(TestClock.Create());
        services.AddSingleton<IExportFormatter>(new MarkerFormatter(ExportFormat.Csv, "host-csv"));
        HostFormatterOrderTests.AddSources(services.AddExportKit());

        var zip = await HostFormatterOrderTests.ExportAsync(services, ExportFormat.Zip);
        var package = await HostFormatterOrderTests.ExportAsync(services, ExportFormat.AuditorPackage);

        Assert.Equal("host-csv", System.Text.Encoding.UTF8.GetString(Assert.Single(EntriesEndingWith(zip, ".csv"))));
        Assert.All(EntriesEndingWith(package, ".csv"), entry => Assert.Equal("host-csv", System.Text.Encoding.UTF8.GetString(entry)));
    }

    [Fact]
    public async Task A_formatter_named_in_ZipExportOptions_still_writes_its_entry()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(TestClock.Create());
        var kit = services.AddExportKit()
            .AddCsvFormat(o => o.IncludeByteOrderMark = true)
            .AddZipFormat(o => o.Csv = new MarkerFormatter(ExportFormat.Csv, "zip-csv"));
        HostFormatterOrderTests.AddSources(kit);

        var zip = await HostFormatterOrderTests.ExportAsync(services, ExportFormat.Zip);

        Assert.Equal("zip-csv", System.Text.Encoding.UTF8.GetString(Assert.Single(EntriesEndingWith(zip, ".csv"))));
    }

    [Fact]
    public void Invalid_format_options_fail_at_start_naming_every_problem_once()
    {
        var services = new ServiceCollection();
        services.AddExportKit()
            .AddZipFormat(o => { o.CompressionLevel = (CompressionLevel)42; o.Csv = new MarkerFormatter(ExportFormat.Json, "x"); })
            .AddAuditorPackageFormat(o => o.SourceOrganization = " ")
            .AddHtmlFormat(o => o.Template = "{{ if }}");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<AggregateException>(provider.GetRequiredService<IStartupValidator>().Validate);

        var messages = error.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures).ToArray();
        Assert.Equal(4, messages.Length);
        Assert.Contains(messages, m => m.StartsWith("ZipExportOptions.CompressionLevel is 42", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("ZipExportOptions.Csv writes 'json', not 'csv'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("AuditorPackageOptions.SourceOrganization is blank", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("The HTML template is not valid Scriban", StringComparison.Ordinal));
    }

    [Fact]
    public void Null_configurations_are_refused()
    {
        var kit = new ServiceCollection().AddExportKit();

        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => kit.AddCsvFormat(null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => kit.AddHtmlFormat(null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => kit.AddZipFormat(null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => kit.AddAuditorPackageFormat(null!)).ParamName);
        Assert.Equal("builder", Assert.Throws<ArgumentNullException>(() => ((IExportKitBuilder)null!).AddCsvFormat(_ => { })).ParamName);
    }

    internal static List<byte[]> EntriesEndingWith(byte[] zip, string extension)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entries = new List<byte[]>();
        foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(extension, StringComparison.Ordinal)))
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries.Add(copy.ToArray());
        }

        Assert.NotEmpty(entries);
        return entries;
    }
}
