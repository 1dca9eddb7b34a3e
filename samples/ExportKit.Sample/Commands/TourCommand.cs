using ExportKit.Audit;
using ExportKit.Builder;
using ExportKit.Policy;
using ExportKit.Sample.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Sample.Commands;

/// <summary>
/// What the sample does with no arguments: a compliance pack, a denied cross-tenant export, an audited change with
/// its diff and client address, the audit chain's verification, then the statistics.
/// </summary>
internal static class TourCommand
{
    public static async Task<int> RunAsync(TextWriter output, TextWriter error, TimeProvider clock, string databasePath, string outDirectory, CancellationToken cancellationToken)
    {
        using var services = SampleHost.Create(clock, null, databasePath);
        var engine = services.GetRequiredService<IExportEngine>();
        var auditor = new ExportPrincipal("dana", "acme", roles: [ExportRoles.Auditor]);
        var directory = Path.GetFullPath(outDirectory);
        Directory.CreateDirectory(directory);

        output.WriteLine("1. An auditor of acme exports the compliance pack of the last 30 days as JSON.");
        var path = Path.Combine(directory, "tour-compliance-pack.json.partial");
        ExportResult result;
        await using (var file = File.Create(path))
        {
            result = await engine.Export(ExportCategory.CompliancePack).As(ExportFormat.Json).ForTenant("acme").By(auditor).WriteToAsync(file, cancellationToken);
        }

        // Like ExportToDirectoryAsync: the file takes the bundle's name only once it is complete.
        if (result.Succeeded)
        {
            File.Move(path, Path.Combine(directory, result.FileName), overwrite: true);
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
        output.WriteLine($"3. An admin renames a facility, through the load balancer ({SampleHost.TrustedProxies}); the audit trail records who, what and from where.");
        var trail = services.GetRequiredService<IAuditTrail>();
        var request = new RequestMetadataReader(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuditOptions>>().Value).Read(
            "10.0.0.5",
            [new("X-Forwarded-For", "203.0.113.7, 10.0.0.5"), new("User-Agent", "ExportKit.Sample/0.1"), new("X-Request-ID", "req-tour-1")]);
        var recorded = await trail.RecordAsync(
            new AuditEventDraft
            {
                EventType = AuditEventTypes.OrgUpdated, TenantId = "acme", UserId = "lee", ResourceType = "facility", ResourceId = "acme-east", Request = request,
                Before = new { name = "East Plant", capacity = 120 },
                After = new { name = "East Plant (Dock 3)", capacity = 120, manager = "Dana Ruiz" },
            },
            cancellationToken);
        AuditCommands.PrintEvent(output, recorded!);
        var verification = await trail.VerifyAsync(cancellationToken);
        output.WriteLine($"  chain: {(verification.IsValid ? "valid" : "BROKEN")}, {verification.EventsChecked} events checked");

        output.WriteLine();
        output.WriteLine("4. What the export log says:");
        await StatsCommand.PrintAsync(output, services.GetRequiredService<IExportLogStore>(), clock.GetUtcNow(), null, cancellationToken);
        output.WriteLine();
        output.WriteLine("Next: dotnet run --project samples/ExportKit.Sample -- --help");
        return result.Succeeded && verification.IsValid ? 0 : 1;
    }
}
