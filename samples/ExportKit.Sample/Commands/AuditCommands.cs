using System.CommandLine;
using System.Globalization;
using ExportKit.Audit;
using ExportKit.Sample.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Sample.Commands;

/// <summary>
/// <c>audit log | query | get | export-csv | verify</c>: the host's audit trail, from the sample's database. Every read
/// is made as a user with a role of seed 003 (<c>--user</c>, <c>--role</c>): all four roles read, owner and admin export.
/// </summary>
internal static class AuditCommands
{
    private static readonly Option<string> Tenant = new("--tenant") { Description = "The tenant whose events are read (every query is scoped to one).", DefaultValueFactory = _ => "acme" };
    internal static readonly Option<string?> Severity = new("--severity") { Description = "info, warning, error or critical." };
    internal static readonly Option<string?> ActorType = new("--actor-type") { Description = "user, system, api or webhook." };
    internal static readonly Option<string?> EventType = new("--event-type") { Description = "For example export.json.generated." };
    internal static readonly Option<string?> Start = new("--start") { Description = "Events at or after this instant (ISO-8601)." };
    internal static readonly Option<string?> End = new("--end") { Description = "Events before this instant (ISO-8601)." };
    internal static readonly Option<string?> Search = new("--search") { Description = "Text the event's context contains." };
    private static readonly Option<int> Limit = new("--limit") { Description = "Events per page, 1 to 1000.", DefaultValueFactory = _ => 50 };
    private static readonly Option<int> Offset = new("--offset") { Description = "Events to skip.", DefaultValueFactory = _ => 0 };
    private static readonly Option<string> File = new("--file") { Description = "The CSV file to write.", Required = true };
    private static readonly Option<string> User = new("--user") { Description = "Who reads or exports.", DefaultValueFactory = _ => "admin" };
    private static readonly Option<string> Role = new("--role") { Description = "owner, admin, member or viewer; all may read, only owner and admin may export.", DefaultValueFactory = _ => "admin" };
    private static readonly Argument<string> Id = new("id") { Description = "The event's id, for example aud_…." };

    public static Command Create()
    {
        var audit = new Command("audit", "Read, export and verify the audit trail.");

        var log = new Command("log", "The latest events of a tenant, newest first.") { Tenant, Limit, User, Role };
        log.SetAction((parse, token) => RunAsync(parse, (trail, principal) => PrintPageAsync(parse, trail, principal(), new AuditQuery(parse.GetValue(Tenant)!) { Limit = parse.GetValue(Limit) }, token)));

        var query = new Command("query", "Events matching filters, newest first, with counts by severity.") { Tenant, Severity, ActorType, EventType, Start, End, Search, Limit, Offset, User, Role };
        query.SetAction((parse, token) => RunAsync(parse, (trail, principal) => PrintPageAsync(parse, trail, principal(), Query(parse) with { Limit = parse.GetValue(Limit), Offset = parse.GetValue(Offset) }, token)));

        var get = new Command("get", "One event of the tenant, with its details; another tenant's event is not found.") { Id, Tenant, User, Role };
        get.SetAction((parse, token) => RunAsync(parse, async (trail, principal) =>
        {
            if (await trail.GetAsync(parse.GetValue(Id)!, principal(), token) is not { } found)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"No event {parse.GetValue(Id)} in tenant {parse.GetValue(Tenant)}.");
                return 1;
            }

            PrintEvent(parse.InvocationConfiguration.Output, found);
            return 0;
        }));

        var export = new Command("export-csv", "Export the events matching filters as CSV (owner and admin only).") { Tenant, Severity, ActorType, EventType, Start, End, Search, File, User, Role };
        export.SetAction((parse, token) => RunAsync(parse, async (trail, principal) =>
        {
            var path = Path.GetFullPath(parse.GetValue(File)!);
            var partial = path + ".partial";
            try
            {
                await using (var stream = System.IO.File.Create(partial))
                {
                    await trail.ExportCsvAsync(Query(parse), principal(), stream, token);
                }

                System.IO.File.Move(partial, path, overwrite: true);
            }
            finally
            {
                System.IO.File.Delete(partial);
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync($"Wrote {path}");
            return 0;
        }));

        var verify = new Command("verify", "Verify the audit trail's hash chain and tree (against --checkpoint FILE if given); exit 1 naming the first bad event.") { TransparencyCommands.Checkpoint };
        verify.SetAction((parse, token) => parse.GetValue(TransparencyCommands.Checkpoint) is { } checkpoint ? TransparencyCommands.VerifyAsync(parse, checkpoint, token) : RunAsync(parse, async (trail, _) =>
        {
            var result = await trail.VerifyAsync(token);
            var output = parse.InvocationConfiguration.Output;
            if (result.IsValid)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"The audit chain holds: {result.EventsChecked} events checked."));
                return 0;
            }

            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"The audit chain is broken at event {result.FirstBadEventId} (sequence {result.FirstBadSequence}): {result.Failure}. {result.Message}"));
            return 1;
        }));

        audit.Subcommands.Add(log);
        audit.Subcommands.Add(query);
        audit.Subcommands.Add(get);
        audit.Subcommands.Add(export);
        audit.Subcommands.Add(verify);
        foreach (var command in TransparencyCommands.Create())
        {
            audit.Subcommands.Add(command);
        }

        return audit;
    }

    public static void PrintEvent(TextWriter output, AuditEvent e)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  #{e.Sequence} {ExportValueText.FormatInstant(e.Timestamp)} {e.EventType} [{AuditEnumNames.Of(e.Severity)}] {AuditEnumNames.Of(e.ActorType)} {e.UserId} {e.ResourceType}/{e.ResourceId}"));
        if (e.Request is { } request)
        {
            output.WriteLine($"      from {request.IpAddress} (X-Forwarded-For: {request.ForwardedFor}), {request.UserAgent}, request {request.RequestId}");
        }

        foreach (var change in e.Diff)
        {
            output.WriteLine($"      {change.Kind.ToString().ToLowerInvariant()} {change.Path}: {change.BeforeJson ?? "-"} -> {change.AfterJson ?? "-"}");
        }
    }

    private static async Task<int> RunAsync(ParseResult parse, Func<IAuditTrail, Func<ExportPrincipal>, Task<int>> action)
    {
        try
        {
            using var services = SampleHost.Create(StatsCommand.Clock(parse), null, SampleOptions.Storage(parse));
            return await action(services.GetRequiredService<IAuditTrail>(), () => Principal(parse));
        }
        catch (ArgumentException ex)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("Error: " + ex.Message);
            return 1;
        }
        catch (AuditAccessDeniedException ex)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync("Denied: " + ex.Message);
            return 2;
        }
    }

    private static async Task<int> PrintPageAsync(ParseResult parse, IAuditTrail trail, ExportPrincipal principal, AuditQuery query, CancellationToken token)
    {
        var output = parse.InvocationConfiguration.Output;
        var events = await trail.QueryAsync(query, principal, token);
        var counts = await trail.CountBySeverityAsync(query, principal, token);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{events.Count} event(s) of {query.TenantId}; by severity: {string.Join(", ", counts.Select(c => $"{AuditEnumNames.Of(c.Key)} {c.Value}"))}"));
        foreach (var e in events)
        {
            PrintEvent(output, e);
        }

        return 0;
    }

    // The tenant comes from the principal: a user of seed 003's roles in the tenant asked for.
    private static ExportPrincipal Principal(ParseResult parse) =>
        RolePermissionMap.AuditGovernance.CreatePrincipal(parse.GetValue(User)!, parse.GetValue(Tenant)!, parse.GetValue(Role)!);

    // Shared with `jobs create --audit`, which queues the same query as a job.
    internal static AuditQuery Query(ParseResult parse, string? tenant = null) => new(tenant ?? parse.GetValue(Tenant)!)
    {
        Severity = parse.GetValue(Severity) is { } severity ? AuditEnumNames.ParseSeverity(severity) : null,
        ActorType = parse.GetValue(ActorType) is { } actor ? AuditEnumNames.ParseActorType(actor) : null,
        EventType = parse.GetValue(EventType),
        StartDate = SampleOptions.ParseInstant(parse.GetValue(Start), "--start"),
        EndDate = SampleOptions.ParseInstant(parse.GetValue(End), "--end"),
        Search = parse.GetValue(Search),
    };
}
