using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Trail;

/// <summary>Seed 003's access table, row by row, for the four audit governance roles, and tenant isolation.</summary>
public sealed class AuditTrailAccessTests
{
    private static readonly string[] AllRoles = ["owner", "admin", "member", "viewer"];

    public static TheoryData<string, string, bool> Table()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var role in AllRoles)
        {
            var admin = role is "owner" or "admin";
            data.Add("view audit logs", role, true);
            data.Add("filter audit logs", role, true);
            data.Add("view entry details", role, true);
            data.Add("see severity statistics", role, true);
            data.Add("create an export", role, admin);
        }

        return data;
    }

    private static async Task<(AuditTrail Trail, AuditEvent Acme, AuditEvent Globex)> Recorded()
    {
        var clock = TestClock.Create();
        var trail = Trails.Create(new InMemoryAuditEventStore(), clock);
        var acme = (await trail.RecordAsync(Trails.Draft(severity: AuditSeverity.Error, context: new { n = 1 })))!;
        clock.Advance(TimeSpan.FromMinutes(1));
        var globex = (await trail.RecordAsync(Trails.Draft(tenant: "globex", severity: AuditSeverity.Critical)))!;
        return (trail, acme, globex);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Each_role_may_do_what_the_specifications_table_says(string action, string role, bool allowed)
    {
        var (trail, acme, _) = await Recorded();
        var principal = Trails.As("acme", role);
        Func<Task> act = action switch
        {
            "view audit logs" => () => trail.QueryAsync(new AuditQuery("acme"), principal),
            "filter audit logs" => () => trail.QueryAsync(new AuditQuery("acme") { Severity = AuditSeverity.Error, Search = "1" }, principal),
            "view entry details" => async () => Assert.Equal(acme, await trail.GetAsync(acme.Id, principal)),
            "see severity statistics" => () => trail.CountBySeverityAsync(new AuditQuery("acme") { Severity = AuditSeverity.Error }, principal),
            _ => () => trail.ExportCsvAsync(new AuditQuery("acme"), principal, new MemoryStream()),
        };

        if (allowed)
        {
            await act();
        }
        else
        {
            var error = await Assert.ThrowsAsync<AuditAccessDeniedException>(act);
            Assert.StartsWith("Admin role required: ", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_principal_without_the_audit_permissions_is_refused_naming_the_permission()
    {
        var (trail, acme, _) = await Recorded();
        var nobody = new ExportPrincipal("u9", "acme", ["auditor"]);
        var viewOnly = new ExportPrincipal("u8", "acme", permissions: [AuditPermissions.View]);

        var query = await Assert.ThrowsAsync<AuditAccessDeniedException>(() => trail.QueryAsync(new AuditQuery("acme"), nobody));
        var details = await Assert.ThrowsAsync<AuditAccessDeniedException>(() => trail.GetAsync(acme.Id, nobody));
        var filter = await Assert.ThrowsAsync<AuditAccessDeniedException>(() => trail.QueryAsync(new AuditQuery("acme") { Search = "x" }, viewOnly));

        Assert.Equal(AuditPermissions.View, query.Permission);
        Assert.Equal(AuditPermissions.ViewDetails, details.Permission);
        Assert.Equal(AuditPermissions.Filter, filter.Permission);
        Assert.Contains("u9", query.Message, StringComparison.Ordinal);
        Assert.Single(await trail.QueryAsync(new AuditQuery("acme"), viewOnly));
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("viewer")]
    public async Task A_query_of_another_tenant_is_refused_not_rescoped(string role)
    {
        var (trail, _, _) = await Recorded();
        var acmeUser = Trails.As("acme", role);

        var query = await Assert.ThrowsAsync<AuditAccessDeniedException>(() => trail.QueryAsync(new AuditQuery("globex"), acmeUser));
        var counts = await Assert.ThrowsAsync<AuditAccessDeniedException>(() => trail.CountBySeverityAsync(new AuditQuery("globex"), acmeUser));

        Assert.StartsWith("Audit access denied in tenant globex: user user-" + role + " belongs to tenant acme", query.Message, StringComparison.Ordinal);
        Assert.Null(counts.Permission);
    }

    [Fact]
    public async Task An_event_of_another_tenant_does_not_exist_for_the_caller()
    {
        var (trail, acme, globex) = await Recorded();

        Assert.Null(await trail.GetAsync(globex.Id, Trails.As("acme", "owner")));
        Assert.Equal(globex, await trail.GetAsync(globex.Id, Trails.As("globex", "viewer")));
        Assert.Null(await trail.GetAsync(acme.Id, Trails.As("globex", "owner")));
        Assert.Equal([acme.Id], (await trail.QueryAsync(new AuditQuery("acme"), Trails.As("acme"))).Select(e => e.Id));
    }

    [Fact]
    public async Task Null_principals_are_rejected_naming_the_argument()
    {
        var (trail, _, _) = await Recorded();

        await Assert.ThrowsAsync<ArgumentNullException>("principal", () => trail.QueryAsync(new AuditQuery("acme"), null!));
        await Assert.ThrowsAsync<ArgumentNullException>("principal", () => trail.CountBySeverityAsync(new AuditQuery("acme"), null!));
        await Assert.ThrowsAsync<ArgumentNullException>("principal", () => trail.GetAsync("aud_0001", null!));
    }
}
