using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace ExportKit.Audit;

/// <summary>
/// The bytes an event's hash is computed over: every field but <see cref="AuditEvent.Hash"/>, in a fixed order, each
/// length-prefixed so that no two different events can encode alike. A text field is a presence byte (0 = null,
/// 1 = present), then its UTF-8 length as a 32-bit big-endian integer, then its UTF-8 bytes; numbers are 64-bit
/// big-endian; the timestamp is UTC ISO-8601 (<c>O</c>); severity and actor type are their lower-case names; the diff
/// is its count followed by each change's path, kind, before and after. The encoding starts with a version tag, so a
/// later format can be told apart.
/// </summary>
internal static class AuditEventEncoding
{
    private const string Version = "exportkit.audit-event.v1";

    /// <summary>The encoding as a new array (the leaf bytes of an event recorded before the transparency log).</summary>
    public static byte[] Encode(AuditEvent auditEvent)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        Encode(auditEvent, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes the encoding into a buffer, after clearing it: reuse one buffer to hash events without allocating.</summary>
    public static void Encode(AuditEvent auditEvent, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        Text(buffer, Version);
        Text(buffer, auditEvent.Id);
        Number(buffer, auditEvent.Sequence);
        Text(buffer, ExportValueText.FormatInstant(auditEvent.Timestamp));
        Text(buffer, auditEvent.EventType);
        Text(buffer, AuditEnumNames.Of(auditEvent.Severity));
        Text(buffer, AuditEnumNames.Of(auditEvent.ActorType));
        Text(buffer, auditEvent.UserId);
        Text(buffer, auditEvent.TenantId);
        Text(buffer, auditEvent.ResourceType);
        Text(buffer, auditEvent.ResourceId);
        Text(buffer, auditEvent.ContextJson);
        var request = auditEvent.Request;
        Presence(buffer, request is not null);
        if (request is not null)
        {
            Text(buffer, request.IpAddress);
            Text(buffer, request.ForwardedFor);
            Text(buffer, request.UserAgent);
            Text(buffer, request.RequestId);
            Text(buffer, request.TraceId);
        }

        Text(buffer, auditEvent.BeforeJson);
        Text(buffer, auditEvent.AfterJson);
        var diff = auditEvent.Diff ?? [];
        Number(buffer, diff.Count);
        foreach (var change in diff)
        {
            Text(buffer, change.Path);
            Text(buffer, KindName(change.Kind));
            Text(buffer, change.BeforeJson);
            Text(buffer, change.AfterJson);
        }

        Text(buffer, auditEvent.PreviousHash);
    }

    internal static string KindName(AuditChangeKind kind) => kind switch
    {
        AuditChangeKind.Changed => "changed",
        AuditChangeKind.Added => "added",
        AuditChangeKind.Removed => "removed",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown change kind: use changed, added or removed."),
    };

    internal static void Presence(ArrayBufferWriter<byte> buffer, bool present)
    {
        buffer.GetSpan(1)[0] = present ? (byte)1 : (byte)0;
        buffer.Advance(1);
    }

    internal static void Number(ArrayBufferWriter<byte> buffer, long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    internal static void Text(ArrayBufferWriter<byte> buffer, string? value)
    {
        Presence(buffer, value is not null);
        if (value is null)
        {
            return;
        }

        var length = Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), length);
        buffer.Advance(4);
        Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
        buffer.Advance(length);
    }
}
