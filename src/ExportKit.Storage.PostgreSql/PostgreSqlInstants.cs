using System.Globalization;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// Instants are stored as UTC ISO-8601 text of fixed width (<c>2026-01-31T08:00:00.0000000Z</c>) in <c>COLLATE "C"</c>
/// columns: text order is time order, and every tick survives (PostgreSQL's timestamptz keeps microseconds only).
/// </summary>
internal static class PostgreSqlInstants
{
    public static string Format(DateTimeOffset instant) => ExportValueText.FormatInstant(instant);

    public static bool TryParse(string? text, out DateTimeOffset instant) =>
        DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant);
}
