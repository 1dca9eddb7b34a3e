namespace ExportKit.Engine;

/// <summary>
/// File names derived from ids only, never from user text: <c>{bundleId}{extension}</c>, or
/// <c>{bundleId}-{format}{extension}</c> when registered formats share the extension (ZIP and the auditor package
/// are both <c>.zip</c>), so that two formats of one bundle never overwrite each other.
/// </summary>
internal sealed class ExportFileNames(IEnumerable<ExportFormat> formats)
{
    private readonly HashSet<string> sharedExtensions = formats
        .GroupBy(f => f.Extension, StringComparer.OrdinalIgnoreCase)
        .Where(g => g.Count() > 1)
        .Select(g => g.Key)
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    public string For(ExportBundle bundle) => sharedExtensions.Contains(bundle.Format.Extension)
        ? $"{bundle.BundleId}-{bundle.Format.Value}{bundle.Format.Extension}"
        : bundle.BundleId + bundle.Format.Extension;
}
