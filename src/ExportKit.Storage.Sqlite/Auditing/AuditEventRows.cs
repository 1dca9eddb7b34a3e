using ExportKit.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage;

/// <summary>SQLite's part of the audit event mapping: the columns, the insert, and binding an event's values by position.</summary>
internal static partial class AuditEventRows
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

    /// <summary>The insert's parameter names, in <see cref="Columns"/> order: <see cref="Bind"/> sets them by position.</summary>
    public static readonly string[] ParameterNames =
    [
        "@sequence", "@id", "@timestamp", "@tenant_id", "@event_type", "@severity", "@actor_type", "@user_id",
        "@resource_type", "@resource_id", "@context_json", "@has_request", "@request_ip_address", "@request_forwarded_for",
        "@request_user_agent", "@request_id", "@request_trace_id", "@before_json", "@after_json", "@diff_json",
        "@previous_hash", "@hash",
    ];

    /// <summary>Sets the values of an insert's parameters, created once in <see cref="ParameterNames"/> order, to an event's fields.</summary>
    public static void Bind(SqliteParameterCollection parameters, AuditEvent auditEvent)
    {
        var request = auditEvent.Request;
        Set(parameters, 0, auditEvent.Sequence);
        Set(parameters, 1, auditEvent.Id);
        Set(parameters, 2, SqliteInstants.Format(auditEvent.Timestamp));
        Set(parameters, 3, auditEvent.TenantId);
        Set(parameters, 4, auditEvent.EventType);
        Set(parameters, 5, AuditEnumNames.Of(auditEvent.Severity));
        Set(parameters, 6, AuditEnumNames.Of(auditEvent.ActorType));
        Set(parameters, 7, auditEvent.UserId);
        Set(parameters, 8, auditEvent.ResourceType);
        Set(parameters, 9, auditEvent.ResourceId);
        Set(parameters, 10, auditEvent.ContextJson);
        Set(parameters, 11, request is null ? 0 : 1);
        Set(parameters, 12, request?.IpAddress);
        Set(parameters, 13, request?.ForwardedFor);
        Set(parameters, 14, request?.UserAgent);
        Set(parameters, 15, request?.RequestId);
        Set(parameters, 16, request?.TraceId);
        Set(parameters, 17, auditEvent.BeforeJson);
        Set(parameters, 18, auditEvent.AfterJson);
        Set(parameters, 19, DiffJson(auditEvent));
        Set(parameters, 20, auditEvent.PreviousHash);
        Set(parameters, 21, auditEvent.Hash);
    }

    /// <inheritdoc cref="Read(StoreRowDecoder)"/>
    public static AuditEvent Read(SqliteDataReader reader) => Read(new SqliteRowDecoder(reader));

    /// <inheritdoc cref="Decode(StoreRowDecoder)"/>
    public static AuditChainRow Decode(SqliteDataReader reader) => Decode(new SqliteRowDecoder(reader));

    private static void Set(SqliteParameterCollection parameters, int index, object? value) =>
        parameters[index].Value = value ?? DBNull.Value;
}
