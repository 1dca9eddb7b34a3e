using System.Text.Json;
using System.Text.Json.Serialization;
using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>How an <see cref="AuditEvent"/> maps to a row of <c>audit_events</c> and back, every field exactly.</summary>
internal static class AuditEventRows
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

    // The diff is kept as JSON; its kinds as their camel-case names, so that the column reads well.
    private static readonly JsonSerializerOptions DiffOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

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
        parameters.AddText("diff_json", JsonSerializer.Serialize(auditEvent.Diff ?? [], DiffOptions));
        parameters.AddText("previous_hash", auditEvent.PreviousHash);
        parameters.AddText("hash", auditEvent.Hash);
    }

    /// <summary>
    /// Reads the current row of a reader whose columns are <see cref="Columns"/>, in that order, for a query or a find.
    /// </summary>
    /// <exception cref="InvalidDataException">The row is malformed; the message names its sequence, id and column.</exception>
    public static AuditEvent Read(NpgsqlDataReader reader)
    {
        var row = Decode(reader);
        return row.IsMalformed
            ? throw new InvalidDataException(
                $"audit_events row with sequence {row.Sequence} (id {row.Id ?? "unreadable"}) is malformed: column {row.Column}: {row.Reason}. The database was changed outside ExportKit; VerifyAsync reports it, restore the row from a backup.")
            : row.Event;
    }

    /// <summary>
    /// Decodes the current row as every read does: each value must have the shape the store writes and the query
    /// filters compare (a tenant id, severity and actor type among their lower-case names, the fixed-width timestamp,
    /// valid JSON), else the row is <see cref="AuditChainRow.Malformed"/>. The schema's CHECKs hold all of this; only a
    /// constraint dropped behind the store's back lets a malformed row in.
    /// </summary>
    public static AuditChainRow Decode(NpgsqlDataReader reader)
    {
        var row = new PostgreSqlRowDecoder(reader);
        var sequence = row.Integer(0, "sequence");
        var id = row.Text(1, "id");
        var readableId = row.Failed ? null : id;
        var timestamp = row.Instant(2, "timestamp");
        var tenantId = row.Text(3, "tenant_id");
        var eventType = row.Text(4, "event_type");
        var severity = Severity(row, row.Text(5, "severity"));
        var actorType = ActorType(row, row.Text(6, "actor_type"));
        var userId = row.NullableText(7, "user_id");
        var resourceType = row.NullableText(8, "resource_type");
        var resourceId = row.NullableText(9, "resource_id");
        var contextJson = row.Json(10, "context_json", required: false);
        var hasRequest = row.Boolean(11, "has_request");

        var request = new RequestMetadata
        {
            IpAddress = row.NullableText(12, "request_ip_address"),
            ForwardedFor = row.NullableText(13, "request_forwarded_for"),
            UserAgent = row.NullableText(14, "request_user_agent"),
            RequestId = row.NullableText(15, "request_id"),
            TraceId = row.NullableText(16, "request_trace_id"),
        };
        var beforeJson = row.Json(17, "before_json", required: false);
        var afterJson = row.Json(18, "after_json", required: false);
        var diff = row.Deserialize<AuditChange[]>(19, "diff_json", DiffOptions);
        var previousHash = row.Text(20, "previous_hash");
        var hash = row.Text(21, "hash");
        if (row.Failed)
        {
            return AuditChainRow.Malformed(sequence, readableId, row.Column!, row.Reason!);
        }

        return AuditChainRow.Decoded(new AuditEvent
        {
            Sequence = sequence,
            Id = id,
            Timestamp = timestamp,
            TenantId = tenantId,
            EventType = eventType,
            Severity = severity,
            ActorType = actorType,
            UserId = userId,
            ResourceType = resourceType,
            ResourceId = resourceId,
            ContextJson = contextJson,
            Request = hasRequest ? request : null,
            BeforeJson = beforeJson,
            AfterJson = afterJson,
            Diff = diff ?? [],
            PreviousHash = previousHash,
            Hash = hash,
        });
    }

    // Exactly the names the query filters compare with: 'INFO' decodes to nothing, as severity = 'info' never matches it.
    private static AuditSeverity Severity(PostgreSqlRowDecoder row, string name)
    {
        foreach (var severity in Enum.GetValues<AuditSeverity>())
        {
            if (string.Equals(AuditEnumNames.Of(severity), name, StringComparison.Ordinal))
            {
                return severity;
            }
        }

        row.Fail("severity", $"'{PostgreSqlRowDecoder.Shorten(name)}' is not info, warning, error or critical");
        return default;
    }

    private static AuditActorType ActorType(PostgreSqlRowDecoder row, string name)
    {
        foreach (var actorType in Enum.GetValues<AuditActorType>())
        {
            if (string.Equals(AuditEnumNames.Of(actorType), name, StringComparison.Ordinal))
            {
                return actorType;
            }
        }

        row.Fail("actor_type", $"'{PostgreSqlRowDecoder.Shorten(name)}' is not user, system, api or webhook");
        return default;
    }
}
