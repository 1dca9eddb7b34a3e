using System.Globalization;
using System.Text.Json.Nodes;

namespace ExportKit.Audit;

/// <summary>
/// The differences between two JSON values: objects are compared key by key, arrays index by index (extra elements are
/// added or removed), anything else by its canonical text. A value of another kind (an object become an array, a
/// number become a string) is changed as a whole. Paths join property names with dots and put indexes in brackets
/// (<c>address.city</c>, <c>tags[2]</c>); the whole value is <c>$</c> and a top-level array's elements are <c>$[0]</c>.
/// </summary>
/// <remarks>
/// At the top, <see langword="null"/> means "not given": nothing before and something after is one change at <c>$</c>,
/// added. Inside an object, a property that holds <c>null</c> is a value and differs from a property that is absent.
/// </remarks>
internal static class JsonDiff
{
    public const string Root = "$";

    public static IReadOnlyList<AuditChange> Compare(JsonNode? before, JsonNode? after)
    {
        var changes = new List<AuditChange>();
        if (before is not null || after is not null)
        {
            Compare(Root, before is not null, before, after is not null, after, changes);
        }

        changes.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return changes;
    }

    private static void Compare(string path, bool hasBefore, JsonNode? before, bool hasAfter, JsonNode? after, List<AuditChange> changes)
    {
        if (!hasBefore)
        {
            changes.Add(new AuditChange(path, AuditChangeKind.Added, null, CanonicalJson.Write(after)));
        }
        else if (!hasAfter)
        {
            changes.Add(new AuditChange(path, AuditChangeKind.Removed, CanonicalJson.Write(before), null));
        }
        else if (before is JsonObject beforeObject && after is JsonObject afterObject)
        {
            CompareObjects(path, beforeObject, afterObject, changes);
        }
        else if (before is JsonArray beforeArray && after is JsonArray afterArray)
        {
            CompareArrays(path, beforeArray, afterArray, changes);
        }
        else
        {
            var beforeJson = CanonicalJson.Write(before);
            var afterJson = CanonicalJson.Write(after);
            if (!string.Equals(beforeJson, afterJson, StringComparison.Ordinal))
            {
                changes.Add(new AuditChange(path, AuditChangeKind.Changed, beforeJson, afterJson));
            }
        }
    }

    private static void CompareObjects(string path, JsonObject before, JsonObject after, List<AuditChange> changes)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, _) in before)
        {
            names.Add(name);
        }

        foreach (var (name, _) in after)
        {
            names.Add(name);
        }

        foreach (var name in names)
        {
            var childPath = path == Root ? name : path + "." + name;
            var hasBefore = before.TryGetPropertyValue(name, out var beforeValue);
            var hasAfter = after.TryGetPropertyValue(name, out var afterValue);
            Compare(childPath, hasBefore, beforeValue, hasAfter, afterValue, changes);
        }
    }

    private static void CompareArrays(string path, JsonArray before, JsonArray after, List<AuditChange> changes)
    {
        var length = Math.Max(before.Count, after.Count);
        for (var i = 0; i < length; i++)
        {
            var childPath = path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            var hasBefore = i < before.Count;
            var hasAfter = i < after.Count;
            Compare(childPath, hasBefore, hasBefore ? before[i] : null, hasAfter, hasAfter ? after[i] : null, changes);
        }
    }
}
