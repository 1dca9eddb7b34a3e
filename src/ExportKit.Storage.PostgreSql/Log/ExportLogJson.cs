using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>An export log entry's stored form: System.Text.Json with web defaults, the <c>entryType</c> property naming the kind.</summary>
internal static class ExportLogJson
{
    // JsonSerializerOptions.Web is .NET 9 and later; these are the same defaults on .NET 8.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(ExportLogEntry entry) => JsonSerializer.Serialize(entry, Options);

    /// <summary>Reads the current row of a reader whose columns are <c>id, json</c>.</summary>
    /// <exception cref="InvalidDataException">The row is malformed; the message names its id.</exception>
    public static ExportLogEntry Read(NpgsqlDataReader reader)
    {
        var id = reader.GetInt64(0);
        string? reason;
        try
        {
            var entry = JsonSerializer.Deserialize<ExportLogEntry>(reader.GetString(1), Options);
            reason = entry is null ? "null" : null;
            if (entry is not null)
            {
                return entry;
            }
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            reason = e.Message;
        }

        throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
            $"export_log row {id} is malformed: column json: {reason}. The database was changed outside ExportKit; restore the row from a backup."));
    }
}
