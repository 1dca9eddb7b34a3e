namespace ExportKit.Audit;

/// <summary>
/// Where verification starts after retention pruned events 1 to <paramref name="Cut"/>, and the retention anchor's
/// signed tree (size and root) when the verifier could open its checkpoint with the log's key (<see langword="null"/>
/// for the trail's own verification, which has no key).
/// </summary>
internal sealed record RetentionStart(long Cut, (long Size, byte[] Root)? SignedAnchor);
