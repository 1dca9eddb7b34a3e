using System.Text;
using CsvHelper;
using ExportKit.Testing;

namespace ExportKit.Audit.Tests.Query;

public sealed class AuditCsvTests
{
    private const string Header = "ID,Timestamp,Event Type,Severity,Actor Type,User ID,IP Address,User Agent,Context";

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

    private static async Task<byte[]> Csv(IAuditEventStore store, AuditQuery query)
    {
        using var output = new MemoryStream();
        await AuditCsv.WriteAsync(store, query, output);
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
        var (store, _) = await Recorded(
            Trails.Draft(eventType: AuditEventTypes.AuthLogin, context: new { method = "password" }) with
            {
                Request = new RequestMetadata { IpAddress = "192.168.1.1", UserAgent = "Mozilla/5.0, \"quoted\"" },
            },
            Trails.Draft(eventType: AuditEventTypes.SystemError, severity: AuditSeverity.Error, actor: AuditActorType.System,
                context: new { message = "Connection timeout" }) with { UserId = null },
            Trails.Draft(tenant: "globex"));

        var rows = ReadBack(await Csv(store, new AuditQuery("acme")), out var header);

        Assert.Equal(Header.Split(','), header);
        Assert.Equal(
        [
            ["aud_0002", "2026-03-01T14:00:00.0000000Z", "system.error", "error", "system", "", "", "", """{"message":"Connection timeout"}"""],
            ["aud_0001", "2026-03-01T13:00:00.0000000Z", "auth.login", "info", "user", "user-1", "192.168.1.1", "Mozilla/5.0, \"quoted\"", """{"method":"password"}"""],
        ], rows);
    }

    [Fact]
    public async Task Context_cells_are_quoted_as_RFC_4180_requires_and_rows_end_with_CRLF()
    {
        var (store, _) = await Recorded(Trails.Draft(eventType: AuditEventTypes.AuthLogin, context: new { method = "password" }));

        var text = Encoding.UTF8.GetString(await Csv(store, new AuditQuery("acme")));

        Assert.Equal(Header + "\r\naud_0001,2026-03-01T13:00:00.0000000Z,auth.login,info,user,user-1,,,\"{\"\"method\"\":\"\"password\"\"}\"\r\n", text);
    }

    [Fact]
    public async Task Streams_all_events_whatever_the_querys_limit_and_offset()
    {
        var drafts = Enumerable.Range(0, 1500).Select(i => Trails.Draft(context: new { i })).ToArray();
        var (store, _) = await Recorded(drafts);

        var rows = ReadBack(await Csv(store, new AuditQuery("acme") { Limit = 10, Offset = 100 }), out _);

        Assert.Equal(1500, rows.Count);
        Assert.Equal("aud_1500", rows[0][0]);
    }

    [Fact]
    public async Task Applies_the_filters()
    {
        var (store, _) = await Recorded(
            Trails.Draft(severity: AuditSeverity.Critical, context: new { note = "disk" }),
            Trails.Draft(severity: AuditSeverity.Critical, context: new { note = "cpu" }),
            Trails.Draft(severity: AuditSeverity.Info, context: new { note = "disk" }));

        var rows = ReadBack(await Csv(store, new AuditQuery("acme") { Severity = AuditSeverity.Critical, Search = "disk" }), out _);

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
        var (store, _) = await Recorded(Trails.Draft(context: payload) with
        {
            UserId = payload,
            Request = new RequestMetadata { UserAgent = payload, IpAddress = "10.0.0.1" },
        });

        var row = Assert.Single(ReadBack(await Csv(store, new AuditQuery("acme")), out _));

        Assert.Equal("'" + payload, row[5]);
        Assert.Equal("'" + payload, row[7]);
        Assert.False(CsvFormulaGuard.IsDangerous(row[8]));
    }

    [Fact]
    public async Task An_empty_result_is_the_header_alone()
    {
        Assert.Equal(Header + "\r\n", Encoding.UTF8.GetString(await Csv(new InMemoryAuditEventStore(), new AuditQuery("acme"))));
    }

    [Fact]
    public async Task Rejects_bad_filters_and_destinations_before_writing()
    {
        var store = new InMemoryAuditEventStore();
        using var readOnly = new MemoryStream([], writable: false);
        using var output = new MemoryStream();
        var backwards = new AuditQuery("acme") { StartDate = TestClock.Now, EndDate = TestClock.Now };

        await Assert.ThrowsAsync<ArgumentException>("EndDate", () => AuditCsv.WriteAsync(store, backwards, output));
        await Assert.ThrowsAsync<ArgumentException>("destination", () => AuditCsv.WriteAsync(store, new AuditQuery("acme"), readOnly));
        await Assert.ThrowsAsync<ArgumentNullException>("destination", () => AuditCsv.WriteAsync(store, new AuditQuery("acme"), null!));
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

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            trail.ExportCsvAsync(new AuditQuery("acme"), RolePermissionMap.AuditGovernance.CreatePrincipal("u1", "acme", role), output));

        Assert.StartsWith("Admin role required: ", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task An_admin_of_another_tenant_may_not_export()
    {
        var (_, trail) = await Recorded(Trails.Draft());
        using var output = new MemoryStream();

        var error = await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            trail.ExportCsvAsync(new AuditQuery("acme"), RolePermissionMap.AuditGovernance.CreatePrincipal("u1", "globex", "admin"), output));

        Assert.StartsWith("Admin role required in tenant acme", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, output.Length);
    }
}
