using ExportKit.Audit;
using ExportKit.Testing;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite.Tests.Auditing;

/// <summary>
/// Rows written behind the store's back (triggers dropped, CHECK constraints ignored, STRICT removed from the schema):
/// verification names the event as malformed — never valid, never an exception — and the queries say which row is bad.
/// </summary>
public sealed class MalformedAuditRowTests : IDisposable
{
    private static readonly ExportPrincipal Viewer = ExportKit.Audit.RolePermissionMap.AuditGovernance.CreatePrincipal("auditor", "acme", "viewer");

    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private readonly TempDatabase database = new();
    private readonly List<SqliteAuditEventStore> stores = [];

    public void Dispose()
    {
        stores.ForEach(store => store.Dispose());
        database.Dispose();
    }

    private AuditTrail Trail()
    {
        var store = new SqliteAuditEventStore(database.ConnectionString);
        stores.Add(store);
        return new(store, TestClock.Create(), new SequentialIds(), new AuditOptions { HmacKey = Key });
    }

    private async Task<List<AuditEvent>> Record20()
    {
        var trail = Trail();
        var events = new List<AuditEvent>();
        for (var i = 0; i < 20; i++)
        {
            events.Add((await trail.RecordAsync(new AuditEventDraft
            {
                EventType = AuditEventTypes.UserUpdated,
                TenantId = "acme",
                Severity = AuditSeverity.Info,
                ActorType = AuditActorType.User,
                UserId = "user-1",
                Context = new { n = i },
            }))!);
        }

        Assert.Equal(new AuditChainVerification { EventsChecked = 20, Failure = AuditChainFailure.None }, await Trail().VerifyAsync());
        return events;
    }

    [Fact]
    public async Task Regression_an_event_made_invisible_as_blobs_is_refused_by_the_strict_table()
    {
        await Record20();

        var error = Assert.Throws<SqliteException>(() => database.ExecuteBehindTheApi(
            "UPDATE audit_events SET tenant_id = CAST(tenant_id AS BLOB), severity = CAST(severity AS BLOB) WHERE sequence = 7;"));

        Assert.Contains("cannot store BLOB value in TEXT column audit_events.tenant_id", error.Message, StringComparison.Ordinal);
        Assert.True((await Trail().VerifyAsync()).IsValid);
    }

    [Fact]
    public async Task Regression_an_event_made_invisible_as_blobs_breaks_verification_even_when_strict_is_removed()
    {
        var events = await Record20();
        database.RemoveStrict("audit_events");
        database.ExecuteBehindTheApi(
            "UPDATE audit_events SET tenant_id = CAST(tenant_id AS BLOB), severity = CAST(severity AS BLOB) WHERE sequence = 7;");
        var trail = Trail();
        Assert.Null(await trail.GetAsync(events[6].Id, Viewer));
        Assert.Equal(19, (await trail.QueryAsync(new AuditQuery("acme") { Limit = 100 }, Viewer)).Count);

        var verification = await trail.VerifyAsync();

        Assert.Equal(AuditChainFailure.Malformed, verification.Failure);
        Assert.Equal(7, verification.FirstBadSequence);
        Assert.Equal(events[6].Id, verification.FirstBadEventId);
        Assert.Contains("column tenant_id", verification.Message, StringComparison.Ordinal);
        Assert.Contains("BLOB", verification.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("severity = 'INFO'", "severity", "'INFO' is not info, warning, error or critical")]
    [InlineData("severity = 'garbage'", "severity", "'garbage' is not info")]
    [InlineData("actor_type = 'robot'", "actor_type", "'robot' is not user, system, api or webhook")]
    [InlineData("timestamp = 'yesterday'", "timestamp", "'yesterday' is not a UTC timestamp")]
    [InlineData("timestamp = '2026-03-01T12:07:00Z'", "timestamp", "is not a UTC timestamp of the form")]
    [InlineData("diff_json = 'not json'", "diff_json", "cannot be read")]
    [InlineData("diff_json = '[{\"path\":\"a\",\"kind\":\"exploded\"}]'", "diff_json", "cannot be read")]
    [InlineData("context_json = '{'", "context_json", "not valid JSON")]
    [InlineData("tenant_id = ''", "tenant_id", "blank")]
    [InlineData("has_request = 7", "has_request", "neither 0 nor 1")]
    [InlineData("event_type = CAST(event_type AS BLOB)", "event_type", "a BLOB of 12 byte(s) where TEXT is required")]
    public async Task A_malformed_row_is_a_broken_event_naming_its_sequence_id_and_column(string assignment, string column, string reason)
    {
        var events = await Record20();
        database.RemoveStrict("audit_events");
        database.ExecuteBehindTheApi($"UPDATE audit_events SET {assignment} WHERE sequence = 7;");

        var verification = await Trail().VerifyAsync();

        Assert.False(verification.IsValid);
        Assert.Equal(AuditChainFailure.Malformed, verification.Failure);
        Assert.Equal(7, verification.EventsChecked);
        Assert.Equal(7, verification.FirstBadSequence);
        Assert.Equal(events[6].Id, verification.FirstBadEventId);
        Assert.Contains($"column {column}", verification.Message, StringComparison.Ordinal);
        Assert.Contains(reason, verification.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_query_that_meets_a_malformed_row_says_which_row_instead_of_failing_deep_inside()
    {
        var events = await Record20();
        database.ExecuteBehindTheApi("UPDATE audit_events SET actor_type = 'robot' WHERE sequence = 7;");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => Trail().QueryAsync(new AuditQuery("acme") { Limit = 100 }, Viewer));

        Assert.Contains("audit_events row with sequence 7", error.Message, StringComparison.Ordinal);
        Assert.Contains(events[6].Id, error.Message, StringComparison.Ordinal);
        Assert.Contains("column actor_type", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("severity = 'INFO'", "CHECK constraint failed")]
    [InlineData("actor_type = 'robot'", "CHECK constraint failed")]
    [InlineData("timestamp = 'yesterday'", "CHECK constraint failed")]
    [InlineData("diff_json = 'not json'", "CHECK constraint failed")]
    [InlineData("tenant_id = ''", "CHECK constraint failed")]
    [InlineData("tenant_id = X'61636d65'", "cannot store BLOB value in TEXT column")]
    public async Task The_database_refuses_a_malformed_value_even_without_the_triggers(string assignment, string message)
    {
        await Record20();

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"DROP TRIGGER audit_events_no_update; UPDATE audit_events SET {assignment} WHERE sequence = 7;";
        var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
