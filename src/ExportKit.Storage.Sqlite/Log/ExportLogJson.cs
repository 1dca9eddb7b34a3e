using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>An export log entry's stored form: System.Text.Json with web defaults, the <c>entryType</c> property naming the kind.</summary>
internal static class ExportLogJson
{
    // JsonSerializerOptions.Web is .NET 9 and later; these are the same defaults on .NET 8.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(ExportLogEntry entry) => JsonSerializer.Serialize(entry, Options);

    /// <summary>Reads the current row of a reader whose columns are <c>id, json</c>.</summary>
    /// <exception cref="InvalidDataException">The row is malformed; the message names its id and column.</exception>
    public static ExportLogEntry Read(SqliteDataReader reader)
    {
        var row = new SqliteRowDecoder(reader);
        var id = row.Integer(0, "id");
        var entry = row.Deserialize<ExportLogEntry>(1, "json", Options);
        return row.Failed || entry is null
            ? throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"export_log row {id} is malformed: column {row.Column}: {row.Reason}. The database was changed outside ExportKit; restore the row from a backup."))
            : entry;
    }
}
