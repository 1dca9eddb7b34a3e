using ExportKit.Storage.PostgreSql;
using Npgsql;

namespace ExportKit.Storage;

/// <summary>PostgreSQL's part of the audit event mapping: the columns, the insert at the chain's head and binding an event's values.</summary>
internal static partial class AuditEventRows
{
    public const string Columns = """
        sequence, id, "timestamp", tenant_id, event_type, severity, actor_type, user_id, resource_type, resource_id,
        context_json, has_request, request_ip_address, request_forwarded_for, request_user_agent, request_id,
        request_trace_id, before_json, after_json, diff_json, previous_hash, hash
        """;

    /// <summary>
    /// Appends one event at the chain's head and nowhere else: run after the chain's advisory lock is taken, it inserts
    /// only when the sequence is one more than the last (0 rows otherwise), so the chain never forks and never has a gap.
    /// </summary>
    public const string InsertAtHead = $"""
        INSERT INTO audit_events ({Columns})
        SELECT @sequence, @id, @timestamp, @tenant_id, @event_type, @severity, @actor_type, @user_id, @resource_type,
               @resource_id, @context_json, @has_request, @request_ip_address, @request_forwarded_for, @request_user_agent,
               @request_id, @request_trace_id, @before_json, @after_json, @diff_json, @previous_hash, @hash
        WHERE @sequence = (SELECT coalesce(max(sequence), 0) + 1 FROM audit_events);
        """;

    /// <summary>
    /// The lock every append takes first (held to the end of its transaction): one key per <c>audit_events</c> table, so
    /// appends to one chain queue up and appends to chains in other schemas do not.
    /// </summary>
    public const string LockHead = "SELECT pg_advisory_xact_lock(hashtextextended('exportkit.audit_events.' || 'audit_events'::regclass::oid::text, 0));";

    public static void AddParameters(NpgsqlParameterCollection parameters, AuditEvent auditEvent)
    {
        parameters.AddWithValue("sequence", auditEvent.Sequence);
        parameters.AddText("id", auditEvent.Id);
        parameters.AddText("timestamp", PostgreSqlInstants.Format(auditEvent.Timestamp));
        parameters.AddText("tenant_id", auditEvent.TenantId);
        parameters.AddText("event_type", auditEvent.EventType);
        parameters.AddText("severity", AuditEnumNames.Of(auditEvent.Severity));
        parameters.AddText("actor_type", AuditEnumNames.Of(auditEvent.ActorType));
        parameters.AddText("user_id", auditEvent.UserId);
        parameters.AddText("resource_type", auditEvent.ResourceType);
        parameters.AddText("resource_id", auditEvent.ResourceId);
        parameters.AddText("context_json", auditEvent.ContextJson);
        parameters.AddWithValue("has_request", auditEvent.Request is not null);
        parameters.AddText("request_ip_address", auditEvent.Request?.IpAddress);
        parameters.AddText("request_forwarded_for", auditEvent.Request?.ForwardedFor);
        parameters.AddText("request_user_agent", auditEvent.Request?.UserAgent);
        parameters.AddText("request_id", auditEvent.Request?.RequestId);
        parameters.AddText("request_trace_id", auditEvent.Request?.TraceId);
        parameters.AddText("before_json", auditEvent.BeforeJson);
        parameters.AddText("after_json", auditEvent.AfterJson);
        parameters.AddText("diff_json", DiffJson(auditEvent));
        parameters.AddText("previous_hash", auditEvent.PreviousHash);
        parameters.AddText("hash", auditEvent.Hash);
    }

    /// <inheritdoc cref="Read(StoreRowDecoder)"/>
    public static AuditEvent Read(NpgsqlDataReader reader) => Read(new PostgreSqlRowDecoder(reader));

    /// <inheritdoc cref="Decode(StoreRowDecoder)"/>
    /// <remarks>The schema's CHECKs hold all of this; only a constraint dropped behind the store's back lets a malformed row in.</remarks>
    public static AuditChainRow Decode(NpgsqlDataReader reader) => Decode(new PostgreSqlRowDecoder(reader));
}
