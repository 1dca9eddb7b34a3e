namespace ExportKit.Formats;

/// <summary>
/// Refuses an object (an item's data or a nested object) that names a field twice, which every formatter checks before
/// it writes the object: JSON would otherwise hold a duplicate key, which readers resolve differently (the first, the
/// last, or an error), and the other formats would show two values for one name. Names are compared ordinally, as JSON
/// compares keys. This is also what stops a host field named like one ExportKit adds (<c>tenantId</c>, <c>facilityId</c>)
/// from being written twice when a projection appends both.
/// </summary>
internal static class FieldNames
{
    // Up to this many fields, comparing every pair costs less than a hash set and allocates nothing (the hot loop).
    private const int PairwiseLimit = 16;

    // The names of the last object found free of duplicates on this thread. Records of one type name their fields with
    // the same string instances (literals), so the next item usually has exactly these: the same references, in the same
    // order, are the same names, and need no pairwise check. Anything else is checked in full.
    [ThreadStatic]
    private static string[]? lastChecked;

    /// <exception cref="NotSupportedException">Two fields have the same name; the message names the item and the field.</exception>
    public static void ThrowIfDuplicate(ExportItem item, IReadOnlyList<ExportField> fields, string? path)
    {
        var count = fields.Count;
        if (count <= PairwiseLimit)
        {
            if (SameNamesAsLastChecked(fields))
            {
                return;
            }

            for (var i = 1; i < count; i++)
            {
                var name = fields[i].Name;
                for (var j = 0; j < i; j++)
                {
                    if (string.Equals(fields[j].Name, name, StringComparison.Ordinal))
                    {
                        throw Duplicate(item, name, path);
                    }
                }
            }

            Remember(fields);
            return;
        }

        var seen = new HashSet<string>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var name = fields[i].Name ?? string.Empty;
            if (!seen.Add(name))
            {
                throw Duplicate(item, name, path);
            }
        }
    }

    private static NotSupportedException Duplicate(ExportItem item, string? name, string? path) => new(FormattableString.Invariant(
        $"Item '{item.ItemId}' has two fields named '{name}'{(path is null ? "" : $" in '{path}'")}: a name may appear once in an object, so rename one of them (a host field may not reuse a name ExportKit writes for the item, such as tenantId or facilityId)."));

    private static bool SameNamesAsLastChecked(IReadOnlyList<ExportField> fields)
    {
        var last = lastChecked;
        if (last is null || last.Length != fields.Count)
        {
            return false;
        }

        for (var i = 0; i < last.Length; i++)
        {
            if (!ReferenceEquals(last[i], fields[i].Name))
            {
                return false;
            }
        }

        return true;
    }

    private static void Remember(IReadOnlyList<ExportField> fields)
    {
        var names = lastChecked is { } last && last.Length == fields.Count ? last : new string[fields.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = fields[i].Name;
        }

        lastChecked = names;
    }
}
