using ExportKit.Storage.Contracts;
namespace ExportKit.Storage.Sqlite.Tests.Auditing;

/// <summary>Every filter of <see cref="AuditQuery"/>, run in SQL, selects exactly what <see cref="AuditQuery.Matches"/> selects.</summary>
public sealed class SqliteAuditQueryTests : IDisposable
{
    private readonly TempDatabase database = new();
    private readonly SqliteAuditEventStore store;
    private readonly List<AuditEvent> events = [];

    public SqliteAuditQueryTests()
    {
        store = new SqliteAuditEventStore(database.ConnectionString);
    }

    public void Dispose()
    {
        store.Dispose();
        database.Dispose();
    }

    public static TheoryData<string> Queries => new()
    {
        "tenant", "severity", "actor", "eventType", "start", "end", "range", "search", "searchCase", "searchAccent",
        "searchQuote", "searchWildcard", "searchEmpty", "all",
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task A_filter_selects_what_the_query_matches_newest_first(string name)
    {
        await SeedAsync();
        var query = Build(name);

        var found = await store.QueryAsync(query, offset: 0, limit: 1000).ToListAsync();

        var expected = events.Where(query.Matches).OrderByDescending(e => e.Sequence).Select(e => e.Id).ToList();
        Assert.Equal(expected, found.Select(e => e.Id));
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task Offset_and_limit_page_through_the_matches()
    {
        await SeedAsync();
        var query = new AuditQuery("acme");
        var all = await store.QueryAsync(query, 0, 1000).ToListAsync();

        var page = await store.QueryAsync(query, offset: 2, limit: 3).ToListAsync();
        var beyond = await store.QueryAsync(query, offset: all.Count, limit: 3).ToListAsync();
        var none = await store.QueryAsync(query, offset: 0, limit: 0).ToListAsync();

        Assert.Equal(all.Skip(2).Take(3).Select(e => e.Id), page.Select(e => e.Id));
        Assert.Empty(beyond);
        Assert.Empty(none);
    }

    [Fact]
    public async Task Search_text_that_looks_like_sql_is_only_text()
    {
        await SeedAsync();
        var query = new AuditQuery("acme") { Search = "') OR 1=1; DROP TABLE audit_events; --" };

        Assert.Empty(await store.QueryAsync(query, 0, 1000).ToListAsync());
        Assert.Equal(events.Count, (await store.ReadEventsAsync().ToListAsync()).Count);
    }

    [Fact]
    public void A_negative_offset_or_limit_is_refused_at_once()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => store.QueryAsync(new AuditQuery("acme"), -1, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => store.QueryAsync(new AuditQuery("acme"), 0, -1));
    }

    private static AuditQuery Build(string name)
    {
        var start = AuditEvents.Start;
        return name switch
        {
            "tenant" => new AuditQuery("globex"),
            "severity" => new AuditQuery("acme") { Severity = AuditSeverity.Critical },
            "actor" => new AuditQuery("acme") { ActorType = AuditActorType.Webhook },
            "eventType" => new AuditQuery("acme") { EventType = AuditEventTypes.ContentUpdated },
            "start" => new AuditQuery("acme") { StartDate = start.AddMinutes(5) },
            "end" => new AuditQuery("acme") { EndDate = start.AddMinutes(5) },
            "range" => new AuditQuery("acme") { StartDate = start.AddMinutes(3), EndDate = start.AddMinutes(7).AddTicks(1) },
            "search" => new AuditQuery("acme") { Search = "quarterly" },
            "searchCase" => new AuditQuery("acme") { Search = "QUARTERLY REVIEW" },
            "searchAccent" => new AuditQuery("acme") { Search = "été-12" },
            "searchQuote" => new AuditQuery("acme") { Search = "\"reason\":\"quarterly" },
            "searchWildcard" => new AuditQuery("acme") { Search = "50%_off" },
            "searchEmpty" => new AuditQuery("acme") { Search = "" },
            "all" => new AuditQuery("acme")
            {
                Severity = AuditSeverity.Warning, ActorType = AuditActorType.Api, EventType = AuditEventTypes.ContentUpdated,
                StartDate = start, EndDate = start.AddHours(1), Search = "review",
            },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown query"),
        };
    }

    private async Task SeedAsync()
    {
        for (var sequence = 1; sequence <= 12; sequence++)
        {
            var auditEvent = (sequence % 4) switch
            {
                0 => AuditEvents.Full(sequence),
                1 => AuditEvents.Minimal(sequence).With(it => it.Severity, AuditSeverity.Critical).With(it => it.ContextJson, """{"note":"50%_off"}"""),
                2 => AuditEvents.Minimal(sequence).With(it => it.ActorType, AuditActorType.Webhook).With(it => it.ContextJson, """{"note":"5000 off"}"""),
                _ => AuditEvents.Minimal(sequence, tenantId: sequence > 6 ? "globex" : "acme"),
            };
            events.Add(auditEvent);
            Assert.True(await store.TryAppendAsync(auditEvent));
        }
    }
}
