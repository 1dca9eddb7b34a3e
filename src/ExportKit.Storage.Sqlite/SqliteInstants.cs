using System.Globalization;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// Instants are stored as UTC ISO-8601 text of fixed width (<c>2026-01-31T08:00:00.0000000Z</c>), so that text order is
/// time order: range filters and sorting work on the column as it is, and the file stays readable with any SQLite tool.
/// </summary>
internal static class SqliteInstants
{
    public static string Format(DateTimeOffset instant) => ExportValueText.FormatInstant(instant);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
