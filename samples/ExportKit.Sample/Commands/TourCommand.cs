using ExportKit.Builder;
using ExportKit.Policy;
using ExportKit.Sample.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Sample.Commands;

/// <summary>What the sample does with no arguments: a compliance pack, a denied cross-tenant export, then the statistics.</summary>
internal static class TourCommand
{
    public static async Task<int> RunAsync(TextWriter output, TextWriter error, TimeProvider clock, string logPath, string outDirectory, CancellationToken cancellationToken)
    {
        using var services = SampleHost.Create(clock, null, logPath);
        var engine = services.GetRequiredService<IExportEngine>();
        var auditor = new ExportPrincipal("dana", "acme", roles: [ExportRoles.Auditor]);
        var directory = Path.GetFullPath(outDirectory);
        Directory.CreateDirectory(directory);

        output.WriteLine("1. An auditor of acme exports the compliance pack of the last 30 days as JSON.");
        var path = Path.Combine(directory, "tour-compliance-pack.json");
        ExportResult result;
        await using (var file = File.Create(path))
        {
            result = await engine.Export(ExportCategory.CompliancePack).As(ExportFormat.Json).ForTenant("acme").By(auditor).WriteToAsync(file, cancellationToken);
        }

        // Like ExportToDirectoryAsync: the file takes the bundle's name only once it is complete.
        if (result.Succeeded)
        {
            File.Move(path, Path.Combine(directory, result.FileName!), overwrite: true);
        }
        else
        {
            File.Delete(path);
        }

        Report.Print(output, error, result, directory);

        output.WriteLine();
        output.WriteLine("2. The same auditor asks for globex's data: tenant isolation denies it, and the decision is logged.");
        var denied = await engine.Export(ExportCategory.AuditFindings).ForTenant("globex").By(auditor).WriteToAsync(Stream.Null, cancellationToken);
        Report.Print(output, output, denied, directory);

        output.WriteLine();
        output.WriteLine("3. What the export log says:");
        await StatsCommand.PrintAsync(output, services.GetRequiredService<IExportLogStore>(), clock.GetUtcNow(), null, cancellationToken);
        output.WriteLine();
        output.WriteLine("Next: dotnet run --project samples/ExportKit.Sample -- export --help");
        return result.Succeeded ? 0 : 1;
    }
}
