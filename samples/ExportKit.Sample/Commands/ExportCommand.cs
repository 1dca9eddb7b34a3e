using System.CommandLine;
using ExportKit.Sample.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Sample.Commands;

/// <summary><c>export</c>: one export, with the policy decision, the sections, the file and its SHA-256. Exit 0 written, 2 denied, 1 error.</summary>
internal static class ExportCommand
{
    public const int Written = 0;
    public const int Failed = 1;
    public const int Denied = 2;

    private static readonly Option<string> Category = new("--category") { Description = "What to export, e.g. compliance-pack.", Required = true };
    private static readonly Option<string> Format = new("--format") { Description = "json, csv, html, markdown, zip or auditor-package.", DefaultValueFactory = _ => "json" };
    private static readonly Option<string> Tenant = new("--tenant") { Description = "The tenant whose data is exported (acme or globex in the demo).", Required = true };
    private static readonly Option<string?> Facility = new("--facility") { Description = "Narrow the export to one facility." };
    private static readonly Option<string?> Federation = new("--federation") { Description = "The federation the export is made for." };
    private static readonly Option<string?> From = new("--from") { Description = "Start of the range (ISO-8601); default 30 days before now." };
    private static readonly Option<string?> To = new("--to") { Description = "End of the range (ISO-8601, excluded); default now." };
    private static readonly Option<string> User = new("--user") { Description = "Who asks.", Required = true };
    private static readonly Option<string?> UserTenant = new("--user-tenant") { Description = "The user's tenant; defaults to --tenant." };
    private static readonly Option<string?> UserFederation = new("--user-federation") { Description = "The user's federation." };
    private static readonly Option<string[]> Roles = new("--role") { Description = "A role of the user (repeatable): auditor, executive, admin…", AllowMultipleArgumentsPerToken = false };
    private static readonly Option<string[]> Permissions = new("--permission") { Description = "A permission of the user (repeatable), e.g. export:long-range." };

    public static Command Create()
    {
        var command = new Command("export", "Export a category in a format, as a user, and print what happened.")
        {
            Category, Format, Tenant, Facility, Federation, From, To, User, UserTenant, UserFederation, Roles, Permissions,
        };
        command.SetAction((result, cancellationToken) => RunAsync(result, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            var now = SampleOptions.ParseInstant(parse.GetValue(SampleOptions.Now), "--now");
            var query = BuildQuery(parse);
            var principal = new ExportPrincipal(parse.GetValue(User)!, parse.GetValue(UserTenant) ?? parse.GetValue(Tenant)!, parse.GetValue(Roles), parse.GetValue(Permissions))
            {
                FederationId = parse.GetValue(UserFederation),
            };

            using var services = SampleHost.Create(now is { } fixedNow ? new FixedTimeProvider(fixedNow) : TimeProvider.System, now is { } n ? new ClockDerivedIds(n, Describe(query, principal)) : null, SampleOptions.Storage(parse));
            var engine = services.GetRequiredService<IExportEngine>();
            var directory = Path.GetFullPath(parse.GetValue(SampleOptions.Out)!);
            var result = await engine.ExportToDirectoryAsync(query, principal, directory, cancellationToken);
            return Report.Print(output, error, result, directory);
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync("Error: " + ex.Message);
            return Failed;
        }
    }

    // Everything that makes two exports different: with --now, the export id is derived from it.
    private static string Describe(ExportQuery query, ExportPrincipal principal) => string.Join(
        '|',
        query.Category.Value,
        query.Format.Value,
        query.Scope.TenantId,
        query.Scope.FacilityId,
        query.Scope.FederationId,
        query.TimeRange is { } range ? ExportValueText.FormatInstant(range.Start) + "/" + ExportValueText.FormatInstant(range.End) : "default",
        principal.UserId,
        principal.TenantId,
        principal.FederationId,
        string.Join(',', principal.Roles.Order(StringComparer.Ordinal)),
        string.Join(',', principal.Permissions.Order(StringComparer.Ordinal)));

    private static ExportQuery BuildQuery(ParseResult parse) => BuildQuery(
        parse.GetValue(Category)!, parse.GetValue(Format)!, new ExportScope(parse.GetValue(Tenant)!, parse.GetValue(Facility), parse.GetValue(Federation)), parse.GetValue(From), parse.GetValue(To), parse.GetValue(User)!);

    // Shared with `jobs create`, which queues the same export for a worker.
    internal static ExportQuery BuildQuery(string category, string formatName, ExportScope scope, string? fromText, string? toText, string user)
    {
        if (!ExportFormat.TryGetBuiltIn(formatName, out var format))
        {
            throw new ArgumentException($"Unknown format '{formatName}'. Formats: {string.Join(", ", ExportFormat.BuiltIn.Select(f => f.Value))}.");
        }

        var from = SampleOptions.ParseInstant(fromText, "--from");
        var to = SampleOptions.ParseInstant(toText, "--to");
        if ((from is null) != (to is null))
        {
            throw new ArgumentException("Give both --from and --to, or neither for the last 30 days.");
        }

        return new ExportQuery(new ExportCategory(category), format, scope, user)
        {
            TimeRange = from is { } start && to is { } end ? new ExportTimeRange(start, end) : null,
        };
    }
}
