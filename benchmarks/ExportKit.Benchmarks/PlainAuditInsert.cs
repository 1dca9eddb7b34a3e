using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExportKit.Benchmarks;

/// <summary>The baselines' raw SQL over <c>audit_events</c>: the row a typical recorded event makes, inserted by hand.</summary>
internal static class PlainAuditInsert
{
    /// <summary>What the trail benchmarks record: a user update with a small context, as the plain rows hold.</summary>
    public static readonly AuditEventDraft Draft = new()
    {
        EventType = AuditEventTypes.UserUpdated,
        TenantId = "acme",
        Severity = AuditSeverity.Info,
        ActorType = AuditActorType.User,
        UserId = "user-1",
        ResourceType = "user",
        ResourceId = "user-42",
        Context = new { field = "email", source = "settings" },
        Request = new RequestMetadata { IpAddress = "203.0.113.7", UserAgent = "Mozilla/5.0", RequestId = "req-1" },
    };

    private static readonly string Hash = new('a', 64);

    public static SqliteCommand Create(SqliteConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit_events (sequence, id, timestamp, tenant_id, event_type, severity, actor_type, user_id, resource_type,
                resource_id, context_json, has_request, request_ip_address, request_forwarded_for, request_user_agent, request_id,
                request_trace_id, before_json, after_json, diff_json, previous_hash, hash)
            VALUES (@sequence, @id, @timestamp, 'acme', 'user.updated', 'info', 'user', 'user-1', 'user', 'user-42',
                '{"field":"email","source":"settings"}', 1, '203.0.113.7', NULL, 'Mozilla/5.0', 'req-1', NULL, NULL, NULL, '[]',
                @previous_hash, @hash);
            """;
        command.Parameters.Add("@sequence", SqliteType.Integer);
        command.Parameters.Add("@id", SqliteType.Text);
        command.Parameters.Add("@timestamp", SqliteType.Text);
        command.Parameters.Add("@previous_hash", SqliteType.Text);
        command.Parameters.Add("@hash", SqliteType.Text);
        command.Prepare();
        return command;
    }

    /// <summary>Inserts one row in its own (autocommit) transaction.</summary>
    public static void Execute(SqliteCommand command, long sequence)
    {
        command.Parameters[0].Value = sequence;
        command.Parameters[1].Value = "plain_" + sequence.ToString(CultureInfo.InvariantCulture);
        command.Parameters[2].Value = DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);
        command.Parameters[3].Value = Hash;
        command.Parameters[4].Value = Hash;
        command.ExecuteNonQuery();
    }
}
