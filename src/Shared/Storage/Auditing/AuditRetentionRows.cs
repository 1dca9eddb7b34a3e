using System.Data.Common;
using System.Globalization;

namespace ExportKit.Storage;

/// <summary>
/// The retention anchor's row in both SQL stores (schema step 5, <c>audit_retention</c>): its SQL, its parameters, reading
/// it back, and the error when the database's trigger refuses a cut.
/// </summary>
internal static class AuditRetentionRows
{
    public const string SelectLatest = "SELECT cut, previous_hash, pruned_before, pruned_at, checkpoint FROM audit_retention ORDER BY cut DESC LIMIT 1;";

    public const string Insert = """
        INSERT INTO audit_retention (cut, previous_hash, pruned_before, pruned_at, checkpoint)
        VALUES (@cut, @previous_hash, @pruned_before, @pruned_at, @checkpoint);
        """;

    public static void AddParameters(StoreParameters bind, DbParameterCollection parameters, AuditRetentionAnchor anchor)
    {
        bind.AddBigint(parameters, "cut", anchor.Cut);
        bind.AddText(parameters, "previous_hash", anchor.PreviousHash);
        bind.AddInstant(parameters, "pruned_before", anchor.PrunedBefore);
        bind.AddInstant(parameters, "pruned_at", anchor.PrunedAt);
        bind.AddText(parameters, "checkpoint", anchor.Checkpoint);
    }

    /// <summary>Reads the row <see cref="SelectLatest"/> selected; a value ExportKit did not write is <see cref="InvalidDataException"/>.</summary>
    public static AuditRetentionAnchor Read(DbDataReader reader) => new()
    {
        Cut = reader.GetInt64(0),
        PreviousHash = reader.GetString(1),
        PrunedBefore = Instant(reader.GetString(2), "pruned_before"),
        PrunedAt = Instant(reader.GetString(3), "pruned_at"),
        Checkpoint = reader.GetString(4),
    };

    /// <summary>The error for a cut the database's trigger or key refused.</summary>
    public static ArgumentException Refused(AuditRetentionAnchor anchor, string reason, Exception inner) => new(
        string.Create(CultureInfo.InvariantCulture,
            $"The retention cut {anchor.Cut} was refused: the cut only moves forward, keeps the newest event and must name a stored event with a leaf by its hash. Nothing was pruned. ({reason})"),
        nameof(anchor),
        inner);

    private static DateTimeOffset Instant(string text, string column) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
        && string.Equals(ExportValueText.FormatInstant(instant), text, StringComparison.Ordinal)
            ? instant
            : throw new InvalidDataException($"audit_retention.{column} holds '{StoreRowDecoder.Shorten(text)}', which is not an instant ExportKit wrote: the table was changed outside ExportKit.");
}
