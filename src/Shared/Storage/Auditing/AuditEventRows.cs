using System.Text.Json;
using System.Text.Json.Serialization;

namespace ExportKit.Storage;

/// <summary>
/// How a row of <c>audit_events</c> decodes to an <see cref="AuditEvent"/>, every field exactly, in every SQL store;
/// the provider's part of this class holds its column list, its insert and how it binds an event's values.
/// </summary>
internal static partial class AuditEventRows
{
    // Every row looks its names up in these: Enum.GetValues makes a new array on each call.
    private static readonly AuditSeverity[] Severities = Enum.GetValues<AuditSeverity>();
    private static readonly AuditActorType[] ActorTypes = Enum.GetValues<AuditActorType>();

    // The diff is kept as JSON; its kinds as their camel-case names, so that the column reads well.
    private static readonly JsonSerializerOptions DiffOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The <c>diff_json</c> value of an event: its changes, or <c>[]</c> when there are none.</summary>
    public static string DiffJson(AuditEvent auditEvent) =>
        auditEvent.Diff is { Count: > 0 } diff ? JsonSerializer.Serialize(diff, DiffOptions) : "[]";

    /// <summary>
    /// Reads the current row of a reader whose columns are the provider's <c>Columns</c>, in that order, for a query or a find.
    /// </summary>
    /// <exception cref="InvalidDataException">The row is malformed; the message names its sequence, id and column.</exception>
    public static AuditEvent Read(StoreRowDecoder reader)
    {
        var row = Decode(reader);
        return row.IsMalformed
            ? throw new InvalidDataException(
                $"audit_events row with sequence {row.Sequence} (id {row.Id ?? "unreadable"}) is malformed: column {row.Column}: {row.Reason}. The database was changed outside ExportKit; VerifyAsync reports it, restore the row from a backup.")
            : row.Event;
    }

    /// <summary>
    /// Decodes the current row as every read does: each value must have the shape the store writes and the query
    /// filters compare (a text tenant id, severity and actor type among their lower-case names, the fixed-width
    /// timestamp, valid JSON), else the row is <see cref="AuditChainRow.Malformed"/>.
    /// </summary>
    public static AuditChainRow Decode(StoreRowDecoder row)
    {
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
    private static AuditSeverity Severity(StoreRowDecoder row, string name)
    {
        foreach (var severity in Severities)
        {
            if (string.Equals(AuditEnumNames.Of(severity), name, StringComparison.Ordinal))
            {
                return severity;
            }
        }

        row.Fail("severity", $"'{StoreRowDecoder.Shorten(name)}' is not info, warning, error or critical");
        return default;
    }

    private static AuditActorType ActorType(StoreRowDecoder row, string name)
    {
        foreach (var actorType in ActorTypes)
        {
            if (string.Equals(AuditEnumNames.Of(actorType), name, StringComparison.Ordinal))
            {
                return actorType;
            }
        }

        row.Fail("actor_type", $"'{StoreRowDecoder.Shorten(name)}' is not user, system, api or webhook");
        return default;
    }
}
