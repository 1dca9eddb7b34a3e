using System.Runtime.CompilerServices;
using ExportKit;
using Microsoft.Extensions.DependencyInjection;

var services = new ServiceCollection();
services.AddExportKit(options => options.DefaultTimeRangeDays = 30)
        .AddDataSource(new AlertSource());           // one IPhaseDataSource per phase you export
await using var provider = services.BuildServiceProvider();

var engine = provider.GetRequiredService<IExportEngine>();
var auditor = new ExportPrincipal("dana", "acme", roles: ["auditor"]);

var result = await engine.Export(ExportCategory.AlertLogs)
    .As(ExportFormat.Csv)
    .ForTenant("acme")
    .By(auditor)
    .WriteToDirectoryAsync("exports");

Console.WriteLine(result.Succeeded
    ? $"{Path.Combine("exports", result.FileName)}: {result.SizeBytes} bytes, sha256 {result.Sha256}"
    : $"{result.ErrorCode}: {result.ErrorMessage}");
return result.Succeeded ? 0 : 1;

// A data source yields one phase's records of the scope and time range, ordered by timestamp, then id.
internal sealed class AlertSource : IPhaseDataSource
{
    public ExportPhase Phase => ExportPhase.Alerts;

    public async IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = request.TimeRange.Start.AddHours(1);
        for (var i = 0; i < 3; i++)
        {
            await Task.Yield();
            yield return new Alert
            {
                AlertId = $"al-{i}", TenantId = request.Scope.TenantId, Severity = "high",
                Category = "equipment", Status = "open", CreatedAt = first.AddHours(i),
            };
        }
    }
}
