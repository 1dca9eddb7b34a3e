using System.Globalization;
using ExportKit.Audit;
using ExportKit.Jobs;
using ExportKit.Policy;
using ExportKit.Sample.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Sample.Commands;

/// <summary>
/// What the sample does with no arguments: a compliance pack and its audited download, a denied cross-tenant export, an
/// audited change with its diff and client address, the audit chain's verification, an export job from creation to
/// download, then the statistics.
/// </summary>
internal static class TourCommand
{
    public static async Task<int> RunAsync(TextWriter output, TextWriter error, TimeProvider clock, SampleDatabase database, string outDirectory, string jobsDirectory, CancellationToken cancellationToken)
    {
        using var services = SampleHost.Create(clock, null, database, new SampleJobs(jobsDirectory));
        var engine = services.GetRequiredService<IExportEngine>();
        var auditor = new ExportPrincipal("dana", "acme", roles: [ExportRoles.Auditor]);
        var directory = Path.GetFullPath(outDirectory);
        Directory.CreateDirectory(directory);

        await output.WriteLineAsync("1. An auditor of acme exports the compliance pack of the last 30 days as JSON.");
        // Written through a hidden partial file that takes the export's name only once it is complete.
        var result = await engine.Export(ExportCategory.CompliancePack).As(ExportFormat.Json).ForTenant("acme").By(auditor).WriteToDirectoryAsync(directory, cancellationToken);
        Report.Print(output, error, result, directory);

        // A web host reads this from HttpContext: reader.Read(connection.RemoteIpAddress?.ToString(), request.Headers).
        var reader = services.GetRequiredService<RequestMetadataReader>();
        var request = reader.Read(
            "10.0.0.5",
            new Dictionary<string, string[]> { ["X-Forwarded-For"] = ["203.0.113.7, 10.0.0.5"], ["User-Agent"] = ["ExportKit.Sample/0.1"], ["X-Request-ID"] = ["req-tour-1"] });
        if (result.Succeeded)
        {
            await engine.RecordDownloadAsync(new ExportDownload("acme", result.ExportId, auditor.UserId) { Request = request }, cancellationToken);
            await output.WriteLineAsync($"   Downloaded by {auditor.UserId} from {request.IpAddress}: logged, and audited as {AuditEventTypes.ExportDownloaded}.");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("2. The same auditor asks for globex's data: tenant isolation denies it, and the decision is logged.");
        var denied = await engine.Export(ExportCategory.AuditFindings).ForTenant("globex").By(auditor).WriteToAsync(Stream.Null, cancellationToken);
        Report.Print(output, output, denied, directory);

        await output.WriteLineAsync();
        await output.WriteLineAsync($"3. An admin renames a facility, through the load balancer ({SampleHost.TrustedProxies}); the audit trail records who, what and from where.");
        var trail = services.GetRequiredService<IAuditTrail>();
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
        await output.WriteLineAsync($"  chain: {(verification.IsValid ? "valid" : "BROKEN")}, {verification.EventsChecked} events checked");

        await output.WriteLineAsync();
        await output.WriteLineAsync("4. An admin of acme asks for the audit log as CSV, as a job: queued at once, written by a worker, then downloaded.");
        var jobFile = await RunJobAsync(output, services, request, directory, cancellationToken);

        await output.WriteLineAsync();
        await output.WriteLineAsync("5. What the export log says:");
        await StatsCommand.PrintAsync(output, services.GetRequiredService<IExportLogStore>(), clock.GetUtcNow(), null, cancellationToken);
        await output.WriteLineAsync();
        await output.WriteLineAsync("Next: dotnet run --project samples/ExportKit.Sample -- --help");
        return result.Succeeded && verification.IsValid && jobFile is not null ? 0 : 1;
    }

    // What `jobs create --audit`, `worker --until-idle`, `jobs status` and `jobs download` do, in one process.
    private static async Task<string?> RunJobAsync(TextWriter output, ServiceProvider services, RequestMetadata request, string directory, CancellationToken cancellationToken)
    {
        var jobs = services.GetRequiredService<IExportJobService>();
        var admin = RolePermissionMap.AuditGovernance.CreatePrincipal("lee", "acme", "admin");
        var job = await jobs.CreateAuditCsvJobAsync(new AuditQuery("acme"), admin, request, cancellationToken);
        await output.WriteLineAsync($"   Created {job.Id}: {ExportJobStatusNames.Of(job.Status)}; the request is audited as {AuditEventTypes.ExportRequested}.");

        // A host runs the hosted worker (AddExportJobWorker); here the queue is drained once, as `worker --until-idle` does.
        var ran = await services.GetRequiredService<IExportJobProcessor>().DrainAsync(cancellationToken);
        job = await jobs.GetAsync(job.Id, admin, cancellationToken);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"   A worker ran {ran} job(s); status {ExportJobStatusNames.Of(job.Status)} after {job.Attempts} attempt(s): {job.RowCount} row(s), {job.FileSizeBytes} bytes, expires {(job.ExpiresAt is { } expires ? ExportValueText.FormatInstant(expires) : "-")}."));
        if (job.Status != ExportJobStatus.Success)
        {
            await output.WriteLineAsync($"   The job did not succeed: {job.ErrorMessage}");
            return null;
        }

        // The download checks that the job is the tenant's, succeeded, has not expired and still has its SHA-256.
        await using var download = await jobs.OpenDownloadAsync(job.Id, admin, request, cancellationToken);
        var path = Path.Combine(directory, download.FileName);
        await using (var file = File.Create(path))
        {
            await download.Content.CopyToAsync(file, cancellationToken);
        }

        await output.WriteLineAsync($"   Downloaded by {admin.UserId} to {path}");
        await output.WriteLineAsync($"   SHA-256 {download.Sha256} (checked against the job's record), audited as {AuditEventTypes.ExportDownloaded}.");
        return path;
    }
}
