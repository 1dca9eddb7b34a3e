using System.Text;
using CsvHelper;
using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Query;

public sealed class AuditCsvTests
{
    private const string Header = "ID,Timestamp,Event Type,Severity,Actor Type,User ID,IP Address,User Agent,Context,Resource Type,Resource ID,Changes";

    private static async Task<(InMemoryAuditEventStore Store, AuditTrail Trail)> Recorded(params AuditEventDraft[] drafts)
    {
        var store = new InMemoryAuditEventStore();
        var clock = TestClock.Create();
        var trail = Trails.Create(store, clock);
        foreach (var draft in drafts)
        {
            clock.Advance(TimeSpan.FromHours(1));
            await trail.RecordAsync(draft);
        }

        return (store, trail);
    }

    // Through the trail, as an admin of the query's tenant: the CSV writer itself is internal.
    private static async Task<byte[]> Csv(AuditTrail trail, AuditQuery query)
    {
        using var output = new MemoryStream();
        await trail.ExportCsvAsync(query, Trails.As(query.TenantId, "admin"), output);
        return output.ToArray();
    }

    private static List<string[]> ReadBack(byte[] csv, out IReadOnlyList<string> header)
    {
        using var reader = CsvReader.Create(new MemoryStream(csv), null, leaveOpen: false);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        header = reader.Headers.ToArray();
        return rows;
    }

    [Fact]
    public async Task Writes_every_matching_event_newest_first_and_reads_back_to_the_same_values()
    {
        var (_, trail) = await Recorded(
            Trails.Draft(eventType: AuditEventTypes.AuthLogin, context: new { method = "password" }) with
            {
                Request = new RequestMetadata { IpAddress = "192.168.1.1", UserAgent = "Mozilla/5.0, \"quoted\"" },
            },
            Trails.Draft(eventType: AuditEventTypes.SystemError, severity: AuditSeverity.Error, actor: AuditActorType.System,
                context: new { message = "Connection timeout" }) with { UserId = null },
            Trails.Draft(tenant: "globex"));

        var rows = ReadBack(await Csv(trail, new AuditQuery("acme")), out var header);

        Assert.Equal(Header.Split(','), header);
        Assert.Equal(
        [
            ["aud_0002", "2026-03-01T14:00:00.0000000Z", "system.error", "error", "system", "", "", "", """{"message":"Connection timeout"}""", "", "", ""],
            ["aud_0001", "2026-03-01T13:00:00.0000000Z", "auth.login", "info", "user", "user-1", "192.168.1.1", "Mozilla/5.0, \"quoted\"", """{"method":"password"}""", "", "", ""],
        ], rows);
    }

    [Fact]
    public async Task Context_cells_are_quoted_as_RFC_4180_requires_and_rows_end_with_CRLF()
    {
        var (_, trail) = await Recorded(Trails.Draft(eventType: AuditEventTypes.AuthLogin, context: new { method = "password" }));

        var text = Encoding.UTF8.GetString(await Csv(trail, new AuditQuery("acme")));

        Assert.Equal(Header + "\r\naud_0001,2026-03-01T13:00:00.0000000Z,auth.login,info,user,user-1,,,\"{\"\"method\"\":\"\"password\"\"}\",,,\r\n", text);
    }

    [Fact]
    public async Task Streams_all_events_whatever_the_querys_limit_and_offset()
    {
        var drafts = Enumerable.Range(0, 1500).Select(i => Trails.Draft(context: new { i })).ToArray();
        var (_, trail) = await Recorded(drafts);

        var rows = ReadBack(await Csv(trail, new AuditQuery("acme") { Limit = 10, Offset = 100 }), out _);

        Assert.Equal(1500, rows.Count);
        Assert.Equal("aud_1500", rows[0][0]);
    }

    [Fact]
    public async Task Applies_the_filters()
    {
        var (_, trail) = await Recorded(
            Trails.Draft(severity: AuditSeverity.Critical, context: new { note = "disk" }),
            Trails.Draft(severity: AuditSeverity.Critical, context: new { note = "cpu" }),
            Trails.Draft(severity: AuditSeverity.Info, context: new { note = "disk" }));

        var rows = ReadBack(await Csv(trail, new AuditQuery("acme") { Severity = AuditSeverity.Critical, Search = "disk" }), out _);

        Assert.Equal("aud_0001", Assert.Single(rows)[0]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"click\")")]
    [InlineData("+1")]
    [InlineData("-2")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tA")]
    [InlineData("\rA")]
    public async Task Formula_payloads_come_out_neutralised(string payload)
    {
        var (_, trail) = await Recorded(Trails.Draft(context: payload) with
        {
            UserId = payload,
            Request = new RequestMetadata { UserAgent = payload, IpAddress = "10.0.0.1" },
        });

        var row = Assert.Single(ReadBack(await Csv(trail, new AuditQuery("acme")), out _));

        Assert.Equal("'" + payload, row[5]);
        Assert.Equal("'" + payload, row[7]);
        Assert.False(CsvFormulaGuard.IsDangerous(row[8]));
    }

    [Fact]
    public async Task An_empty_result_is_the_header_alone()
    {
        var (_, trail) = await Recorded();

        Assert.Equal(Header + "\r\n", Encoding.UTF8.GetString(await Csv(trail, new AuditQuery("acme"))));
    }

    [Fact]
    public async Task Rejects_bad_filters_and_destinations_before_writing()
    {
        var (_, trail) = await Recorded();
        var admin = Trails.As("acme", "admin");
        using var readOnly = new MemoryStream([], writable: false);
        using var output = new MemoryStream();
        var backwards = new AuditQuery("acme") { StartDate = TestClock.Now, EndDate = TestClock.Now };

        await Assert.ThrowsAsync<ArgumentException>("EndDate", () => trail.ExportCsvAsync(backwards, admin, output));
        await Assert.ThrowsAsync<ArgumentException>("destination", () => trail.ExportCsvAsync(new AuditQuery("acme"), admin, readOnly));
        await Assert.ThrowsAsync<ArgumentNullException>("destination", () => trail.ExportCsvAsync(new AuditQuery("acme"), admin, null!));
        await Assert.ThrowsAsync<ArgumentNullException>("principal", () => trail.ExportCsvAsync(new AuditQuery("acme"), null!, output));
        Assert.Equal(0, output.Length);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("admin")]
    [InlineData("ADMIN")]
    public async Task Owners_and_admins_may_export_their_tenants_log(string role)
    {
        var (_, trail) = await Recorded(Trails.Draft(context: new { a = 1 }));
        using var output = new MemoryStream();

        await trail.ExportCsvAsync(new AuditQuery("acme"), RolePermissionMap.AuditGovernance.CreatePrincipal("u1", "acme", role), output);

        Assert.Single(ReadBack(output.ToArray(), out _));
    }

    [Theory]
    [InlineData("member")]
    [InlineData("viewer")]
    public async Task Members_and_viewers_may_not_export(string role)
    {
        var (_, trail) = await Recorded(Trails.Draft());
        using var output = new MemoryStream();

        var error = await Assert.ThrowsAsync<AuditAccessDeniedException>(() =>
            trail.ExportCsvAsync(new AuditQuery("acme"), RolePermissionMap.AuditGovernance.CreatePrincipal("u1", "acme", role), output));

        Assert.StartsWith("Admin role required: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(AuditPermissions.ExportCreate, error.Permission);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task An_admin_of_another_tenant_may_not_export()
    {
        var (_, trail) = await Recorded(Trails.Draft());
        using var output = new MemoryStream();

        var error = await Assert.ThrowsAsync<AuditAccessDeniedException>(() =>
            trail.ExportCsvAsync(new AuditQuery("acme"), RolePermissionMap.AuditGovernance.CreatePrincipal("u1", "globex", "admin"), output));

        Assert.StartsWith("Audit access denied in tenant acme", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Permission);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task The_seeds_nine_columns_come_first_then_the_resource_and_the_change_read_back_with_CsvHelper()
    {
        var (_, trail) = await Recorded(Trails.Draft(
            context: new { why = "rename" }) with
        {
            ResourceType = "facility",
            ResourceId = "acme-east",
            Before = new { name = "East Plant", capacity = 120 },
            After = new { name = "=East Plant (Dock 3)", capacity = 120, manager = "Dana Ruiz" },
            Request = new RequestMetadata { IpAddress = "203.0.113.7", UserAgent = "Mozilla/5.0" },
        });
        var csv = await Csv(trail, new AuditQuery("acme"));

        using var reader = CsvReader.Create(new MemoryStream(csv), null, leaveOpen: false);
        Assert.True(reader.Read());
        Assert.Equal(
            ["ID", "Timestamp", "Event Type", "Severity", "Actor Type", "User ID", "IP Address", "User Agent", "Context", "Resource Type", "Resource ID", "Changes"],
            reader.Headers.ToArray());
        Assert.Equal("aud_0001", reader.GetString("ID"));
        Assert.Equal("user.updated", reader.GetString("Event Type"));
        Assert.Equal("203.0.113.7", reader.GetString("IP Address"));
        Assert.Equal("""{"why":"rename"}""", reader.GetString("Context"));
        Assert.Equal("facility", reader.GetString("Resource Type"));
        Assert.Equal("acme-east", reader.GetString("Resource ID"));
        var changes = System.Text.Json.JsonDocument.Parse(reader.GetString("Changes")!).RootElement;
        Assert.Equal(
            ["manager added null \"Dana Ruiz\"", "name changed \"East Plant\" \"=East Plant (Dock 3)\""],
            changes.EnumerateArray().Select(c => $"{c.GetProperty("path").GetString()} {c.GetProperty("kind").GetString()} {c.GetProperty("before").GetRawText()} {c.GetProperty("after").GetRawText()}"));
        Assert.False(reader.Read());
    }

    [Fact]
    public async Task A_formula_in_the_resource_or_the_change_comes_out_neutralised()
    {
        var (_, trail) = await Recorded(Trails.Draft() with
        {
            ResourceType = "=cmd|' /C calc'!A0",
            ResourceId = "+1",
            Before = new { a = 1 },
            After = new { a = 2 },
        });

        var row = Assert.Single(ReadBack(await Csv(trail, new AuditQuery("acme")), out _));

        Assert.Equal("'=cmd|' /C calc'!A0", row[9]);
        Assert.Equal("'+1", row[10]);
        Assert.False(CsvFormulaGuard.IsDangerous(row[11]));
    }

    [Fact]
    public void The_CSV_writer_is_not_public_so_no_path_goes_around_the_permission_check()
    {
        var assembly = typeof(AuditTrail).Assembly;

        Assert.False(assembly.GetType("ExportKit.Audit.AuditCsv", throwOnError: true)!.IsPublic);
        Assert.DoesNotContain(
            assembly.GetExportedTypes().SelectMany(t => t.GetMethods()),
            m => m.GetParameters().Any(p => p.ParameterType == typeof(IAuditEventStore)) && m.GetParameters().Any(p => p.ParameterType == typeof(Stream)));
    }
}
