using System.Text.Json.Nodes;

namespace ExportKit.Audit;

/// <summary>An event with the values of some committed fields erased (set to <see langword="null"/>), everything else as it was.</summary>
internal static class AuditRedaction
{
    public static AuditEvent Redact(AuditEvent e, IReadOnlySet<string> fields)
    {
        var request = e.Request is null ? null : e.Request with
        {
            IpAddress = fields.Contains(PersonalFields.IpAddress) ? null : e.Request.IpAddress,
            ForwardedFor = fields.Contains(PersonalFields.ForwardedFor) ? null : e.Request.ForwardedFor,
            UserAgent = fields.Contains(PersonalFields.UserAgent) ? null : e.Request.UserAgent,
        };
        var diff = (e.Diff ?? []).Select((change, i) => change with
        {
            BeforeJson = fields.Contains(PersonalFields.DiffKey(i, PersonalFields.Before)) ? null : change.BeforeJson,
            AfterJson = fields.Contains(PersonalFields.DiffKey(i, PersonalFields.After)) ? null : change.AfterJson,
        }).ToList();
        return new AuditEvent
        {
            Id = e.Id,
            Sequence = e.Sequence,
            Timestamp = e.Timestamp,
            EventType = e.EventType,
            Severity = e.Severity,
            ActorType = e.ActorType,
            UserId = fields.Contains(PersonalFields.UserId) ? null : e.UserId,
            TenantId = e.TenantId,
            ResourceType = e.ResourceType,
            ResourceId = e.ResourceId,
            ContextJson = Json(e.ContextJson, PersonalFields.Context, fields),
            Request = request,
            BeforeJson = Json(e.BeforeJson, PersonalFields.Before, fields),
            AfterJson = Json(e.AfterJson, PersonalFields.After, fields),
            Diff = diff,
            PreviousHash = e.PreviousHash,
            Hash = e.Hash,
        };
    }

    private static string? Json(string? json, string part, IReadOnlySet<string> fields)
    {
        if (json is null || !fields.Any(f => f.StartsWith(part + "/", StringComparison.Ordinal)))
        {
            return json;
        }

        var root = JsonNode.Parse(json);
        PersonalFields.Walk(root, part, string.Empty, (key, name, parent) =>
        {
            if (!fields.Contains(key))
            {
                return false;
            }

            parent[name] = null;
            return true;
        });
        return CanonicalJson.Write(root);
    }
}
