using ExportKit.Sources;
using ExportKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Tests.Formatting;

/// <summary>Regression: a host's formatter registered before <c>AddExportKit()</c> was silently replaced by the built-in.</summary>
public sealed class HostFormatterOrderTests
{
    [Fact]
    public async Task A_host_formatter_registered_before_AddExportKit_wins()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(TestClock.Create());
        services.AddSingleton<IExportFormatter>(new MarkerFormatter(ExportFormat.Csv, "host-csv"));
        AddSources(services.AddExportKit());

        var bytes = await ExportAsync(services, ExportFormat.Csv);

        Assert.Equal("host-csv", System.Text.Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task A_host_formatter_registered_after_AddExportKit_wins()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(TestClock.Create());
        AddSources(services.AddExportKit().AddFormatter(new MarkerFormatter(ExportFormat.Csv, "host-csv")));

        var bytes = await ExportAsync(services, ExportFormat.Csv);

        Assert.Equal("host-csv", System.Text.Encoding.UTF8.GetString(bytes));
    }

    internal static void AddSources(IExportKitBuilder builder)
    {
        foreach (var source in InMemoryPhaseDataSource.ForEachPhase(TestRecords.All()))
        {
            builder.AddDataSource(source);
        }
    }

    internal static async Task<byte[]> ExportAsync(IServiceCollection services, ExportFormat format)
    {
        using var provider = services.BuildServiceProvider(validateScopes: true);
        var engine = provider.GetRequiredService<IExportEngine>();
        using var stream = new MemoryStream();
        var result = await engine.ExportAsync(TestEngine.Query(ExportCategory.AuditFindings, format), TestEngine.Admin(), stream);
        Assert.True(result.Succeeded, result.ErrorMessage);
        return stream.ToArray();
    }
}
