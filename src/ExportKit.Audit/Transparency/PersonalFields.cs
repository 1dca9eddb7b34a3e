using System.Globalization;
using System.Text.Json.Nodes;

namespace ExportKit.Audit;

/// <summary>
/// Finds the personal values of an event by field key. Keys: <c>user_id</c>, <c>ip_address</c>, <c>forwarded_for</c>,
/// <c>user_agent</c>; a JSON member as <c>context/</c>, <c>before/</c> or <c>after/</c> followed by its diff path
/// (<c>customer.email</c>, <c>items[0].email</c>); a diff entry's values as <c>diff/{index}/before</c> and
/// <c>diff/{index}/after</c>. A diff entry is personal when its path and a personal member's path of before or after
/// are the same, or one lies inside the other.
/// </summary>
internal static class PersonalFields
{
    public const string UserId = "user_id";
    public const string IpAddress = "ip_address";
    public const string ForwardedFor = "forwarded_for";
    public const string UserAgent = "user_agent";
    public const string Context = "context";
    public const string Before = "before";
    public const string After = "after";

    /// <summary>The selected fields of an event and their values as text (JSON members as canonical JSON), <see langword="null"/> when absent.</summary>
    /// <param name="auditEvent">The event.</param>
    /// <param name="select">Whether a field (its key, and a JSON member's name) is wanted.</param>
    /// <param name="onlyParts">
    /// When given, the JSON parts (<see cref="Context"/>, <see cref="Before"/>, <see cref="After"/>) that can hold a wanted
    /// member: the others are not parsed. Only a caller that knows every key it selects can say (verification does).
    /// </param>
    public static SortedDictionary<string, string?> Find(AuditEvent auditEvent, Func<string, string?, bool> select, IReadOnlySet<string>? onlyParts = null)
    {
        var found = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        Scalar(found, select, UserId, auditEvent.UserId);
        Scalar(found, select, IpAddress, auditEvent.Request?.IpAddress);
        Scalar(found, select, ForwardedFor, auditEvent.Request?.ForwardedFor);
        Scalar(found, select, UserAgent, auditEvent.Request?.UserAgent);
        var memberPaths = new List<string>();
        Json(found, select, Context, Wanted(Context, onlyParts, auditEvent.ContextJson), null);
        Json(found, select, Before, Wanted(Before, onlyParts, auditEvent.BeforeJson), memberPaths);
        Json(found, select, After, Wanted(After, onlyParts, auditEvent.AfterJson), memberPaths);
        var diff = auditEvent.Diff ?? [];
        for (var i = 0; i < diff.Count; i++)
        {
            var change = diff[i];
            var key = DiffKey(i, Before);
            var personal = memberPaths.Exists(p => Overlaps(p, change.Path)) || select(key, null) || select(DiffKey(i, After), null);
            if (personal)
            {
                found[key] = change.BeforeJson;
                found[DiffKey(i, After)] = change.AfterJson;
            }
        }

        return found;
    }

    public static string DiffKey(int index, string side) => string.Create(CultureInfo.InvariantCulture, $"diff/{index}/{side}");

    /// <summary>Visits every member of a JSON text with its key, depth first in ordinal order, stopping at a member <paramref name="visit"/> accepts.</summary>
    public static void Walk(JsonNode? node, string part, string path, Func<string, string, JsonObject, bool> visit)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var name in obj.Select(p => p.Key).Order(StringComparer.Ordinal).ToList())
                {
                    var childPath = path.Length == 0 ? name : path + "." + name;
                    if (!visit(part + "/" + childPath, name, obj))
                    {
                        Walk(obj[name], part, childPath, visit);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], part, path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", visit);
                }

                break;
        }
    }

    private static void Scalar(SortedDictionary<string, string?> found, Func<string, string?, bool> select, string key, string? value)
    {
        if (value is not null && select(key, null))
        {
            found[key] = value;
        }
    }

    private static void Json(SortedDictionary<string, string?> found, Func<string, string?, bool> select, string part, string? json, List<string>? memberPaths)
    {
        if (json is null)
        {
            return;
        }

        Walk(JsonNode.Parse(json), part, string.Empty, (key, name, parent) =>
        {
            if (!select(key, name))
            {
                return false;
            }

            found[key] = CanonicalJson.Write(parent[name]);
            memberPaths?.Add(key[(part.Length + 1)..]);
            return true;
        });
    }

    // A part no wanted key lies in adds nothing (only selected members are recorded), so it need not be parsed.
    private static string? Wanted(string part, IReadOnlySet<string>? onlyParts, string? json) =>
        onlyParts is null || onlyParts.Contains(part) ? json : null;

    private static bool Overlaps(string memberPath, string changePath) =>
        changePath.Length == 0 || Inside(changePath, memberPath) || Inside(memberPath, changePath);

    private static bool Inside(string path, string outer) =>
        path.StartsWith(outer, StringComparison.Ordinal)
        && (path.Length == outer.Length || path[outer.Length] is '.' or '[');
}
