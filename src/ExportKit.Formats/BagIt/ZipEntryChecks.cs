using System.Globalization;
using System.Text;

namespace ExportKit.Formats.BagIt;

/// <summary>
/// The checks on a ZIP archive's entries that need no inflating: names, file types, encryption and method, local
/// headers, declared sizes against the limits, overlapping data, and duplicate names. An entry that fails one is
/// marked <see cref="ZipEntryRecord.Refused"/> (never read) or, for an unsafe name, returned to be kept out of the bag.
/// </summary>
internal static class ZipEntryChecks
{
    public static HashSet<ZipEntryRecord> Check(Stream zip, List<ZipEntryRecord> entries, long centralDirectoryOffset, BagVerificationOptions options, List<BagProblem> problems)
    {
        var outside = new HashSet<ZipEntryRecord>();
        foreach (var entry in entries)
        {
            var problem = CheckOne(zip, entry, centralDirectoryOffset, options);
            if (problem is var (kind, reason))
            {
                problems.Add(new BagProblem(kind, entry.Name, $"The ZIP entry '{entry.Name}' is unsafe: {reason}."));
                entry.Refused = true; // reported: an entry with an unsafe name, type, method or header is not read
                if (kind is BagProblemKind.PathOutsideBag or BagProblemKind.UnsafeName or BagProblemKind.LinkOrSpecialFile)
                {
                    outside.Add(entry);
                }
            }
        }

        foreach (var entry in entries.Where(e => e.DataOffset < 0))
        {
            entry.Refused = true;
        }

        CheckOverlaps(entries, problems);
        CheckDuplicates(entries, outside, problems);
        return outside;
    }

    private static (BagProblemKind Kind, string Reason)? CheckOne(Stream zip, ZipEntryRecord entry, long centralDirectoryOffset, BagVerificationOptions options)
    {
        if (!entry.NameDecodes)
        {
            return (BagProblemKind.UnsafeName, "its name is not valid UTF-8, or is non-ASCII without the ZIP UTF-8 flag, so extractors disagree on what it is called");
        }

        if (EntryNameRules.Check(entry.Name) is { } name)
        {
            return name;
        }

        if (ZipEntryKinds.Special(entry) is { } special)
        {
            return (BagProblemKind.LinkOrSpecialFile, $"its attributes make it {special}, which an extractor would create instead of a regular file");
        }

        if (entry.IsEncrypted || entry.Method is not (0 or 8))
        {
            return (BagProblemKind.UnsupportedEntry, string.Create(CultureInfo.InvariantCulture,
                $"it is {(entry.IsEncrypted ? "encrypted" : $"compressed with method {entry.Method}")}; this verifier reads only unencrypted stored or deflated entries"));
        }

        var limit = options.MaxBytesFor(entry.Name);
        if (entry.UncompressedSize > (ulong)limit)
        {
            return (BagProblemKind.LimitExceeded, string.Create(CultureInfo.InvariantCulture,
                $"it declares {entry.UncompressedSize} bytes, more than {options.LimitNameFor(entry.Name)} ({limit} bytes) allows; it was not read"));
        }

        return ZipLocalHeader.Check(zip, entry, centralDirectoryOffset);
    }

    private static void CheckOverlaps(List<ZipEntryRecord> entries, List<BagProblem> problems)
    {
        var placed = entries.Where(e => e.DataOffset >= 0).OrderBy(e => e.LocalHeaderOffset).ToList();
        for (var i = 1; i < placed.Count; i++)
        {
            var previous = placed[i - 1];
            if ((ulong)previous.DataOffset + previous.CompressedSize > placed[i].LocalHeaderOffset)
            {
                placed[i].Refused = true;
                problems.Add(new BagProblem(BagProblemKind.CorruptArchive, placed[i].Name,
                    $"The ZIP entry '{placed[i].Name}' overlaps the data of '{previous.Name}': entries must not share bytes (a known zip-bomb construction)."));
            }
        }
    }

    private static void CheckDuplicates(List<ZipEntryRecord> entries, HashSet<ZipEntryRecord> outside, List<BagProblem> problems)
    {
        var seen = new Dictionary<string, ZipEntryRecord>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = FoldedName(entry.Name);
            if (!seen.TryAdd(key, entry))
            {
                var first = seen[key];
                var how = first.Name == entry.Name ? "exactly" : "on a case-insensitive or Unicode-normalising file system";
                problems.Add(new BagProblem(BagProblemKind.DuplicateEntry, entry.Name,
                    $"The ZIP entry '{entry.Name}' has the same name as '{first.Name}' {how}: extractors keep one or the other, so what was checked may not be what is extracted."));
                outside.Add(entry);
            }
        }
    }

    private static string FoldedName(string name)
    {
        var trimmed = name.TrimEnd('/');
        var normalized = trimmed.IsNormalized(NormalizationForm.FormC) ? trimmed : trimmed.Normalize(NormalizationForm.FormC);
        return normalized.ToUpperInvariant();
    }
}
