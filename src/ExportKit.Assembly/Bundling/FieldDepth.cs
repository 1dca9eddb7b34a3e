namespace ExportKit.Assembly;

/// <summary>
/// Checks how deep an item's field values nest, without recursion (an explicit stack), so that data nested 100,000
/// levels deep fails the export with the record named instead of overflowing the stack. Every later walk of the values
/// (the content hash, the formatters' nested writers) sees only items that passed.
/// </summary>
internal static class FieldDepth
{
    /// <summary>Finds the top-level field whose value nests deeper than <paramref name="maxDepth"/> objects, or <see langword="null"/>.</summary>
    public static string? FindTooDeep(IReadOnlyList<ExportField> data, int maxDepth)
    {
        // Made only for an item with nested values: a flat item (the common case) allocates nothing here.
        Stack<(IReadOnlyList<ExportField> Fields, int Depth)>? pending = null;
        for (var index = 0; index < data.Count; index++)
        {
            var field = data[index];
            if (field.Value is not IReadOnlyList<ExportField> nested)
            {
                continue;
            }

            pending ??= new Stack<(IReadOnlyList<ExportField> Fields, int Depth)>();
            pending.Clear();
            pending.Push((nested, 1));
            while (pending.Count > 0)
            {
                var (fields, depth) = pending.Pop();
                if (depth > maxDepth)
                {
                    return field.Name;
                }

                foreach (var inner in fields)
                {
                    if (inner.Value is IReadOnlyList<ExportField> deeper)
                    {
                        pending.Push((deeper, depth + 1));
                    }
                }
            }
        }

        return null;
    }
}
