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
        Set(parameters, 19, auditEvent.Diff is { Count: > 0 } diff ? JsonSerializer.Serialize(diff, DiffOptions) : "[]");
        Set(parameters, 20, auditEvent.PreviousHash);
        Set(parameters, 21, auditEvent.Hash);
    }

    /// <summary>
    /// Reads the current row of a reader whose columns are <see cref="Columns"/>, in that order, for a query or a find.
    /// </summary>
    /// <exception cref="InvalidDataException">The row is malformed; the message names its sequence, id and column.</exception>
    public static AuditEvent Read(SqliteDataReader reader)
    {
        var row = Decode(reader);
        return row.IsMalformed
            ? throw new InvalidDataException(
                $"audit_events row with sequence {row.Sequence} (id {row.Id ?? "unreadable"}) is malformed: column {row.Column}: {row.Reason}. The database was changed outside ExportKit; VerifyAsync reports it, restore the row from a backup.")
            : row.Event;
    }

    /// <summary>
    /// Decodes the current row as every read does: each value must have the storage class and shape the store writes
    /// and the query filters compare (TEXT tenant id, severity and actor type among their lower-case names, the
    /// fixed-width timestamp, valid JSON), else the row is <see cref="AuditChainRow.Malformed"/>.
    /// </summary>
    public static AuditChainRow Decode(SqliteDataReader reader)
    {
        var row = new SqliteRowDecoder(reader);
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
        var hasRequest = row.Integer(11, "has_request");
        if (hasRequest is not (0 or 1))
        {
            row.Fail("has_request", $"{hasRequest.ToString(System.Globalization.CultureInfo.InvariantCulture)} is neither 0 nor 1");
        }

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
            Request = hasRequest == 0 ? null : request,
            BeforeJson = beforeJson,
            AfterJson = afterJson,
            Diff = diff ?? [],
            PreviousHash = previousHash,
            Hash = hash,
        });
    }

    // Exactly the names the query filters compare with: 'INFO' decodes to nothing, as severity = 'info' never matches it.
    private static AuditSeverity Severity(SqliteRowDecoder row, string name)
    {
        foreach (var severity in Enum.GetValues<AuditSeverity>())
        {
            if (string.Equals(AuditEnumNames.Of(severity), name, StringComparison.Ordinal))
            {
                return severity;
            }
        }

        row.Fail("severity", $"'{SqliteRowDecoder.Shorten(name)}' is not info, warning, error or critical");
        return default;
    }

    private static AuditActorType ActorType(SqliteRowDecoder row, string name)
    {
        foreach (var actorType in Enum.GetValues<AuditActorType>())
        {
            if (string.Equals(AuditEnumNames.Of(actorType), name, StringComparison.Ordinal))
            {
                return actorType;
            }
        }

        row.Fail("actor_type", $"'{SqliteRowDecoder.Shorten(name)}' is not user, system, api or webhook");
        return default;
    }

    private static void Set(SqliteParameterCollection parameters, int index, object? value) =>
        parameters[index].Value = value ?? DBNull.Value;
}
