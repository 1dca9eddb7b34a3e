namespace ExportKit.Formats.Zip;

/// <summary>Entry names that cannot leave the archive: relative, forward slashes, no empty, <c>.</c> or <c>..</c> segment.</summary>
internal static class EntryNames
{
    public static void Validate(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var safe = name[0] != '/'
            && name.IndexOfAny(['\\', ':', '\0']) < 0
            && name.Split('/').All(segment => segment.Length > 0 && segment is not "." and not ".." && !segment.Any(char.IsControl));
        if (!safe)
        {
            throw new ArgumentException($"'{name}' is not a safe ZIP entry name: use a relative path with '/' separators and no empty, '.' or '..' segments.", nameof(name));
        }
    }
}
