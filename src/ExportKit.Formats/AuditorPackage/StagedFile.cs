namespace ExportKit.Formats.AuditorPackage;

/// <summary>A payload file kept in the staging file: where it is, how long, and its SHA-256.</summary>
internal sealed record StagedFile(string Path, long Offset, long Length, string Sha256);
