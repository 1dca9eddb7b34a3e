namespace ExportKit.Formats.BagIt;

/// <summary>A parsed manifest: its file, algorithm, and the checksum of each path it lists (lower-case hex).</summary>
internal sealed record Manifest(string FileName, string Algorithm, bool IsTagManifest, IReadOnlyDictionary<string, string> Checksums);
