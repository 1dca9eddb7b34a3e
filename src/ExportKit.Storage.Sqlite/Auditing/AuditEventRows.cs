using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>How an <see cref="AuditEvent"/> maps to a row of <c>audit_events</c> and back, every field exactly.</summary>
internal static class AuditEventRows
{
    public const string Columns = """
        sequence, id, timestamp, tenant_id, event_type, severity, actor_type, user_id, resource_type, resource_id,
        context_json, has_request, request_ip_address, request_forwarded_for, request_user_agent, request_id,
        request_trace_id, before_json, after_json, diff_json, previous_hash, hash
        """;

    public const string Insert = $"""
        INSERT INTO audit_events ({Columns})
        VALUES (@sequence, @id, @timestamp, @tenant_id, @event_type, @severity, @actor_type, @user_id, @resource_type,
                @resource_id, @context_json, @has_request, @request_ip_address, @request_forwarded_for, @request_user_agent,
                @request_id, @request_trace_id, @before_json, @after_json, @diff_json, @previous_hash, @hash);
        """;

    // The diff is kept as JSON; its kinds as their camel-case names, so that the column reads well.
    private static readonly JsonSerializerOptions DiffOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public static void AddParameters(SqliteParameterCollection parameters, AuditEvent auditEvent)
    {
        parameters.Add("@sequence", auditEvent.Sequence);
        parameters.Add("@id", auditEvent.Id);
        parameters.Add("@timestamp", SqliteInstants.Format(auditEvent.Timestamp));
        parameters.Add("@tenant_id", auditEvent.TenantId);
        parameters.Add("@event_type", auditEvent.EventType);
        parameters.Add("@severity", AuditNames.Of(auditEvent.Severity));
        parameters.Add("@actor_type", AuditNames.Of(auditEvent.ActorType));
        parameters.Add("@user_id", auditEvent.UserId);
        parameters.Add("@resource_type", auditEvent.ResourceType);
        parameters.Add("@resource_id", auditEvent.ResourceId);
        parameters.Add("@context_json", auditEvent.ContextJson);
        parameters.Add("@has_request", auditEvent.Request is null ? 0 : 1);
        parameters.Add("@request_ip_address", auditEvent.Request?.IpAddress);
        parameters.Add("@request_forwarded_for", auditEvent.Request?.ForwardedFor);
        parameters.Add("@request_user_agent", auditEvent.Request?.UserAgent);
        parameters.Add("@request_id", auditEvent.Request?.RequestId);
        parameters.Add("@request_trace_id", auditEvent.Request?.TraceId);
        parameters.Add("@before_json", auditEvent.BeforeJson);
        parameters.Add("@after_json", auditEvent.AfterJson);
        parameters.Add("@diff_json", JsonSerializer.Serialize(auditEvent.Diff ?? [], DiffOptions));
        parameters.Add("@previous_hash", auditEvent.PreviousHash);
        parameters.Add("@hash", auditEvent.Hash);
    }

    /// <summary>Reads the current row of a reader whose columns are <see cref="Columns"/>, in that order.</summary>
    public static AuditEvent Read(SqliteDataReader reader) => new()
    {
        Sequence = reader.GetInt64(0),
        Id = reader.GetString(1),
        Timestamp = SqliteInstants.Parse(reader.GetString(2)),
        TenantId = reader.GetString(3),
        EventType = reader.GetString(4),
        Severity = AuditNames.ParseSeverity(reader.GetString(5)),
        ActorType = AuditNames.ParseActorType(reader.GetString(6)),
        UserId = reader.GetNullableString(7),
        ResourceType = reader.GetNullableString(8),
        ResourceId = reader.GetNullableString(9),
        ContextJson = reader.GetNullableString(10),
        Request = reader.GetInt64(11) == 0 ? null : new RequestMetadata
        {
            IpAddress = reader.GetNullableString(12),
            ForwardedFor = reader.GetNullableString(13),
            UserAgent = reader.GetNullableString(14),
            RequestId = reader.GetNullableString(15),
            TraceId = reader.GetNullableString(16),
        },
        BeforeJson = reader.GetNullableString(17),
        AfterJson = reader.GetNullableString(18),
        Diff = JsonSerializer.Deserialize<AuditChange[]>(reader.GetString(19), DiffOptions) ?? [],
        PreviousHash = reader.GetString(20),
        Hash = reader.GetString(21),
    };
}
