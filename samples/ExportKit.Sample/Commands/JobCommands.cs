using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using ExportKit.Audit;
using ExportKit.Jobs;
using ExportKit.Sample.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Sample.Commands;

/// <summary>
/// <c>jobs create | status | list | download | cancel | cleanup</c>: export jobs (seed 003) on the sample's database,
/// run by <c>worker</c>. Every command acts as a user (<c>--user</c>, <c>--role</c>, <c>--tenant</c>): owner and admin
/// manage a tenant's jobs, member and viewer get "Admin role required". Exit 0 done, 2 denied or forbidden, 1 any other error.
/// </summary>
internal static class JobCommands
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int Denied = 2;

    private static readonly Option<string> Tenant = new("--tenant") { Description = "The tenant whose jobs these are (acme or globex in the demo).", DefaultValueFactory = _ => "acme" };
    private static readonly Option<string> User = new("--user") { Description = "Who acts.", DefaultValueFactory = _ => "admin" };
    private static readonly Option<string[]> Roles = new("--role")
    {
        Description = "A role of the user (repeatable): owner, admin, member or viewer (seed 003: owner and admin manage export jobs), or an export role (auditor, executive).",
        DefaultValueFactory = _ => ["admin"],
    };

    private static readonly Option<string[]> Permissions = new("--permission") { Description = "A further permission of the user (repeatable), e.g. export:long-range." };
    private static readonly Option<bool> Audit = new("--audit") { Description = "Queue a CSV export of the tenant's audit log (filtered like `audit query`) instead of a bundle." };
    private static readonly Option<string?> Category = new("--category") { Description = "What a bundle job exports, e.g. compliance-pack." };
    private static readonly Option<string> Format = new("--format") { Description = "A bundle job's format: json, csv, html, markdown, zip or auditor-package.", DefaultValueFactory = _ => "json" };
    private static readonly Option<string?> Facility = new("--facility") { Description = "Narrow a bundle job to one facility." };
    private static readonly Option<string?> Federation = new("--federation") { Description = "The federation a bundle job is made for." };
    private static readonly Option<string?> From = new("--from") { Description = "Start of a bundle job's range (ISO-8601); default 30 days before now." };
    private static readonly Option<string?> To = new("--to") { Description = "End of a bundle job's range (ISO-8601, excluded); default now." };
    private static readonly Option<string?> UserTenant = new("--user-tenant") { Description = "The user's tenant, for a bundle job; defaults to --tenant." };
    private static readonly Option<string?> UserFederation = new("--user-federation") { Description = "The user's federation." };
    private static readonly Option<int> Limit = new("--limit") { Description = "Jobs per page, 1 to 1000.", DefaultValueFactory = _ => 50 };
    private static readonly Option<int> Offset = new("--offset") { Description = "Jobs to skip.", DefaultValueFactory = _ => 0 };
    // For load tests only: queue this many identical audit CSV jobs in one process (each request audited), as many
    // users at once would; the PostgreSQL scale test runs several such processes side by side.
    private static readonly Option<int> Repeat = new("--repeat") { Description = "Queue this many identical --audit jobs (1 to 10000).", DefaultValueFactory = _ => 1, Hidden = true };

    private static readonly Argument<string> Id = new("id") { Description = "The job's id, job_… (the last line `jobs create` prints)." };

    public static Command Create()
    {
        var jobs = new Command("jobs", "Export jobs: queue an export, follow it, download its file; `worker` runs them.");

        var create = new Command("create", "Queue a bundle export (the options of `export`) or, with --audit, a CSV export of the audit log; prints the job's id alone on its last line.")
        {
            Audit, Category, Format, Tenant, Facility, Federation, From, To,
            AuditCommands.Severity, AuditCommands.ActorType, AuditCommands.EventType, AuditCommands.Start, AuditCommands.End, AuditCommands.Search,
            User, UserTenant, UserFederation, Roles, Permissions, Repeat,
        };
        create.SetAction((parse, token) => RunAsync(parse, (services, output) => CreateAsync(parse, services.GetRequiredService<IExportJobService>(), output, token)));

        var status = new Command("status", "A job's status, file, SHA-256 and error.") { Id, Tenant, User, Roles, Permissions };
        status.SetAction((parse, token) => RunAsync(parse, async (services, output) =>
        {
            var job = await services.GetRequiredService<IExportJobService>().GetAsync(parse.GetValue(Id)!, Principal(parse), token);
            PrintJob(output, job);
            return Done;
        }));

        var list = new Command("list", "The tenant's jobs, newest first.") { Tenant, Limit, Offset, User, Roles, Permissions };
        list.SetAction((parse, token) => RunAsync(parse, async (services, output) =>
        {
            var found = await services.GetRequiredService<IExportJobService>().ListAsync(Principal(parse), parse.GetValue(Limit), parse.GetValue(Offset), token);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{found.Count} job(s) of {parse.GetValue(Tenant)}, newest first (offset {parse.GetValue(Offset)}):"));
            foreach (var job in found)
            {
                var file = job.Status == ExportJobStatus.Success ? string.Create(CultureInfo.InvariantCulture, $"  {job.RowCount} row(s), {job.FileSizeBytes} bytes") : string.Empty;
                await output.WriteLineAsync($"  {job.Id}  {ExportJobStatusNames.Of(job.Kind),-9}  {ExportJobStatusNames.Of(job.Status),-10}  created {ExportValueText.FormatInstant(job.CreatedAt)} by {job.UserId}{file}");
            }

            return Done;
        }));

        var download = new Command("download", "Download a succeeded job's file (owner or admin of its tenant), checked against its SHA-256; --out names the file, or a folder (default: exports/).")
        {
            Id, Tenant, User, Roles, Permissions,
        };
        download.SetAction((parse, token) => RunAsync(parse, (services, output) => DownloadAsync(parse, services.GetRequiredService<IExportJobService>(), output, token)));

        var cancel = new Command("cancel", "Cancel a job: a queued one at once, a processing one at its worker's next heartbeat.") { Id, Tenant, User, Roles, Permissions };
        cancel.SetAction((parse, token) => RunAsync(parse, async (services, output) =>
        {
            var job = await services.GetRequiredService<IExportJobService>().CancelAsync(parse.GetValue(Id)!, Principal(parse), token);
            await output.WriteLineAsync(job switch
            {
                { Status: ExportJobStatus.Cancelled } => $"{job.Id}: cancelled.",
                { Status: ExportJobStatus.Processing, CancelRequested: true } => $"{job.Id}: cancellation requested; its worker stops it at its next heartbeat.",
                _ => $"{job.Id}: already {ExportJobStatusNames.Of(job.Status)}; nothing to cancel.",
            });
            return Done;
        }));

        var cleanup = new Command("cleanup", "Remove the files of succeeded jobs that expired and mark the jobs expired (their records stay); the worker also does this on a schedule.");
        cleanup.SetAction((parse, token) => RunAsync(parse, async (services, output) =>
        {
            var expired = await services.GetRequiredService<IExportJobProcessor>().CleanupExpiredAsync(token);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{expired} expired job file(s) removed; their jobs are marked expired and their records kept."));
            return Done;
        }));

        jobs.Subcommands.Add(create);
        jobs.Subcommands.Add(status);
        jobs.Subcommands.Add(list);
        jobs.Subcommands.Add(download);
        jobs.Subcommands.Add(cancel);
        jobs.Subcommands.Add(cleanup);
        return jobs;
    }

    public static void PrintJob(TextWriter output, ExportJob job)
    {
        var line = (string label, string? value) =>
        {
            if (value is not null)
            {
                output.WriteLine($"  {label + ":",-11} {value}");
            }
        };
        var instant = (DateTimeOffset? at) => at is { } value ? ExportValueText.FormatInstant(value) : null;
        output.WriteLine($"Job {job.Id}");
        line("Status", ExportJobStatusNames.Of(job.Status) + (job.CancelRequested && job.Status == ExportJobStatus.Processing ? " (cancellation requested)" : string.Empty));
        line("Kind", ExportJobStatusNames.Of(job.Kind));
        line("Tenant", $"{job.TenantId} (created by {job.UserId})");
        line("Filters", job.FiltersJson);
        line("Created", instant(job.CreatedAt));
        line("Started", instant(job.StartedAt));
        line("Completed", instant(job.CompletedAt));
        line("Attempts", job.Attempts.ToString(CultureInfo.InvariantCulture));
        line("Progress", job.Progress.ToString(CultureInfo.InvariantCulture) + " row(s) or item(s) written");
        line("Lease", job.LeaseOwner is null ? null : $"{job.LeaseOwner} until {instant(job.LeaseExpiresAt)}");
        line("File", job.FilePath is null ? null : string.Create(CultureInfo.InvariantCulture, $"{job.FilePath} ({job.FileSizeBytes} bytes, {job.RowCount} row(s))"));
        line("SHA-256", job.Sha256);
        line("Export", job.ExportId);
        line("Expires", instant(job.ExpiresAt));
        line("Error", job.ErrorMessage is null ? null : (job.ErrorCode is null ? string.Empty : job.ErrorCode + ": ") + job.ErrorMessage);
    }

    private static async Task<int> CreateAsync(ParseResult parse, IExportJobService jobs, TextWriter output, CancellationToken token)
    {
        var tenant = parse.GetValue(Tenant)!;
        ExportJob job;
        if (parse.GetValue(Audit))
        {
            if (parse.GetValue(Category) is not null)
            {
                throw new ArgumentException("--category is for a bundle job; an --audit job exports the audit log: filter it with --severity, --actor-type, --event-type, --start, --end or --search.");
            }

            var repeat = parse.GetValue(Repeat);
            if (repeat is < 1 or > 10_000)
            {
                throw new ArgumentException($"--repeat {repeat} is out of range: give 1 to 10000.");
            }

            var query = AuditCommands.Query(parse, tenant);
            job = await jobs.CreateAuditCsvJobAsync(query, Principal(parse), null, token);
            for (var i = 1; i < repeat; i++)
            {
                job = await jobs.CreateAuditCsvJobAsync(query, Principal(parse), null, token);
            }
            await output.WriteLineAsync($"Allowed: {job.UserId} may export tenant {tenant}'s audit log; the request is recorded as {AuditEventTypes.ExportRequested}.");
            await output.WriteLineAsync($"Queued an audit CSV job with filters {job.FiltersJson}");
        }
        else
        {
            var category = parse.GetValue(Category)
                ?? throw new ArgumentException("Give --category (and --format) for a bundle job, or --audit for a CSV export of the audit log.");
            if (new[] { parse.GetValue(AuditCommands.Severity), parse.GetValue(AuditCommands.ActorType), parse.GetValue(AuditCommands.EventType), parse.GetValue(AuditCommands.Start), parse.GetValue(AuditCommands.End), parse.GetValue(AuditCommands.Search) }.Any(v => v is not null))
            {
                throw new ArgumentException("--severity, --actor-type, --event-type, --start, --end and --search filter the audit log: add --audit, or leave them out of a bundle job.");
            }

            var user = parse.GetValue(User)!;
            var query = ExportCommand.BuildQuery(category, parse.GetValue(Format)!, new ExportScope(tenant, parse.GetValue(Facility), parse.GetValue(Federation)), parse.GetValue(From), parse.GetValue(To), user);
            job = await jobs.CreateBundleJobAsync(query, Principal(parse, parse.GetValue(UserTenant) ?? tenant), token);
            await output.WriteLineAsync($"Policy:   allowed ({category} as {query.Format.Value} of tenant {tenant} for {user}; the decision is in the export log)");
            await output.WriteLineAsync($"Queued a bundle job with filters {job.FiltersJson}");
        }

        await output.WriteLineAsync($"Run it with `worker --until-idle`, follow it with `jobs status {job.Id}`. Its id:");
        await output.WriteLineAsync(job.Id);
        return Done;
    }

    // Written through a partial file beside the target, moved into place only once the whole file is there and its
    // SHA-256 matches the job's record.
    private static async Task<int> DownloadAsync(ParseResult parse, IExportJobService jobs, TextWriter output, CancellationToken token)
    {
        var download = await jobs.OpenDownloadAsync(parse.GetValue(Id)!, Principal(parse), null, token);
        await using (download)
        {
            var path = Path.GetFullPath(parse.GetValue(SampleOptions.Out)!);
            // --out names the file, or a folder to put it in under its own name: the default (exports/), a folder that
            // exists, or a path ending in a separator or without an extension.
            var folder = parse.GetResult(SampleOptions.Out) is null or { Implicit: true } || Directory.Exists(path)
                || Path.EndsInDirectorySeparator(parse.GetValue(SampleOptions.Out)!) || !Path.HasExtension(path);
            if (folder)
            {
                Directory.CreateDirectory(path);
                path = Path.Combine(path, download.FileName);
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            }

            var partial = path + ".partial";
            try
            {
                string sha256;
                long size;
                await using (var file = File.Create(partial))
                {
                    using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    var buffer = new byte[81920];
                    int read;
                    while ((read = await download.Content.ReadAsync(buffer, token)) > 0)
                    {
                        hash.AppendData(buffer.AsSpan(0, read));
                        await file.WriteAsync(buffer.AsMemory(0, read), token);
                    }

                    sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
                    size = file.Length;
                }

                if (!string.Equals(sha256, download.Sha256, StringComparison.Ordinal))
                {
                    throw new IOException($"The file read has SHA-256 {sha256}, not the job's {download.Sha256}; nothing was written. Download it again.");
                }

                File.Move(partial, path, overwrite: true);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Wrote {path}: {size} bytes, SHA-256 {sha256} (as recorded when the job succeeded)."));
                return Done;
            }
            finally
            {
                File.Delete(partial);
            }
        }
    }

    private static async Task<int> RunAsync(ParseResult parse, Func<ServiceProvider, TextWriter, Task<int>> action)
    {
        var error = parse.InvocationConfiguration.Error;
        try
        {
            using var services = SampleHost.Create(StatsCommand.Clock(parse), null, SampleOptions.Storage(parse), new SampleJobs(SampleOptions.Jobs(parse)));
            return await action(services, parse.InvocationConfiguration.Output);
        }
        catch (ExportJobException ex) when (ex.ErrorCode is ExportJobErrorCodes.Forbidden or ExportJobErrorCodes.PolicyDenied)
        {
            await error.WriteLineAsync("Denied: " + ex.Message);
            foreach (var violation in ex.Violations)
            {
                await error.WriteLineAsync("  - " + violation);
            }

            return Denied;
        }
        catch (ExportJobException ex)
        {
            var hint = ex.ErrorCode == ExportJobErrorCodes.NotFound ? " (`jobs list` lists them.)" : string.Empty;
            await error.WriteLineAsync($"Error ({ex.ErrorCode}): {ex.Message}{hint}");
            return Failed;
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync("Error: " + ex.Message.ReplaceLineEndings(" "));
            return Failed;
        }
    }

    // Seed 003's roles bring their permissions (owner and admin: audit:export:*); other roles (auditor, executive) are
    // the export policy's, and --permission adds any other.
    private static ExportPrincipal Principal(ParseResult parse, string? tenant = null)
    {
        var map = RolePermissionMap.AuditGovernance;
        var roles = parse.GetValue(Roles) ?? [];
        var permissions = roles.Where(role => map.Roles.Contains(role, StringComparer.OrdinalIgnoreCase))
            .SelectMany(map.Permissions)
            .Concat(parse.GetValue(Permissions) ?? [])
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        return new ExportPrincipal(parse.GetValue(User)!, tenant ?? parse.GetValue(Tenant)!, roles, permissions)
        {
            FederationId = parse.GetResult(UserFederation) is null ? null : parse.GetValue(UserFederation),
        };
    }
}
