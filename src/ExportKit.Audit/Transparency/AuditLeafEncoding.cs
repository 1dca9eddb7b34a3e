using System.Buffers;
using System.Text.Json.Nodes;

namespace ExportKit.Audit;

/// <summary>
/// The leaf bytes of an event (version <c>exportkit.audit-event.v2</c>, specified in the package README): the chain
/// encoding's fields in the same order and form, except that every committed field is a single byte 2 in place of
/// its value, a committed JSON member's value is <c>null</c> in its canonical JSON, and the commitments follow at the
/// end, sorted by field. The leaf therefore holds no personal value, only what commits to it, and is the same before
/// and after erasure.
/// </summary>
internal static class AuditLeafEncoding
{
    public const string Version = "exportkit.audit-event.v2";

    public static byte[] Encode(AuditEvent auditEvent, IReadOnlyDictionary<string, byte[]> commitments)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        Encode(auditEvent, commitments, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the leaf bytes into <paramref name="buffer"/>, cleared first (verification reuses one buffer).</summary>
    public static void Encode(AuditEvent auditEvent, IReadOnlyDictionary<string, byte[]> commitments, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        AuditEventEncoding.Text(buffer, Version);
        AuditEventEncoding.Text(buffer, auditEvent.Id);
        AuditEventEncoding.Number(buffer, auditEvent.Sequence);
        AuditEventEncoding.Text(buffer, ExportValueText.FormatInstant(auditEvent.Timestamp));
        AuditEventEncoding.Text(buffer, auditEvent.EventType);
        AuditEventEncoding.Text(buffer, AuditEnumNames.Of(auditEvent.Severity));
        AuditEventEncoding.Text(buffer, AuditEnumNames.Of(auditEvent.ActorType));
        Field(buffer, commitments, PersonalFields.UserId, auditEvent.UserId);
        AuditEventEncoding.Text(buffer, auditEvent.TenantId);
        AuditEventEncoding.Text(buffer, auditEvent.ResourceType);
        AuditEventEncoding.Text(buffer, auditEvent.ResourceId);
        Json(buffer, commitments, PersonalFields.Context, auditEvent.ContextJson);
        var request = auditEvent.Request;
        AuditEventEncoding.Presence(buffer, request is not null);
        if (request is not null)
        {
            Field(buffer, commitments, PersonalFields.IpAddress, request.IpAddress);
            Field(buffer, commitments, PersonalFields.ForwardedFor, request.ForwardedFor);
            Field(buffer, commitments, PersonalFields.UserAgent, request.UserAgent);
            AuditEventEncoding.Text(buffer, request.RequestId);
            AuditEventEncoding.Text(buffer, request.TraceId);
        }

        Json(buffer, commitments, PersonalFields.Before, auditEvent.BeforeJson);
        Json(buffer, commitments, PersonalFields.After, auditEvent.AfterJson);
        var diff = auditEvent.Diff ?? [];
        AuditEventEncoding.Number(buffer, diff.Count);
        for (var i = 0; i < diff.Count; i++)
        {
            var change = diff[i];
            AuditEventEncoding.Text(buffer, change.Path);
            AuditEventEncoding.Text(buffer, AuditEventEncoding.KindName(change.Kind));
            Field(buffer, commitments, PersonalFields.DiffKey(i, PersonalFields.Before), change.BeforeJson);
            Field(buffer, commitments, PersonalFields.DiffKey(i, PersonalFields.After), change.AfterJson);
        }

        AuditEventEncoding.Text(buffer, auditEvent.PreviousHash);
        AuditEventEncoding.Number(buffer, commitments.Count);
        foreach (var (field, commitment) in commitments.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            AuditEventEncoding.Text(buffer, field);
            buffer.Write(commitment);
        }
    }

    private static void Field(ArrayBufferWriter<byte> buffer, IReadOnlyDictionary<string, byte[]> commitments, string key, string? value)
    {
        if (commitments.ContainsKey(key))
        {
            buffer.GetSpan(1)[0] = 2;
            buffer.Advance(1);
            return;
        }

        AuditEventEncoding.Text(buffer, value);
    }

    private static void Json(ArrayBufferWriter<byte> buffer, IReadOnlyDictionary<string, byte[]> commitments, string part, string? json)
    {
        if (json is null || !commitments.Keys.Any(k => k.StartsWith(part + "/", StringComparison.Ordinal)))
        {
            AuditEventEncoding.Text(buffer, json);
            return;
        }

        var root = JsonNode.Parse(json);
        PersonalFields.Walk(root, part, string.Empty, (key, name, parent) =>
        {
            if (!commitments.ContainsKey(key))
            {
                return false;
            }

            parent[name] = null;
            return true;
        });
        AuditEventEncoding.Text(buffer, CanonicalJson.Write(root));
    }
}
