using System.Text.Json;

namespace ExportKit.Storage.Sqlite;

/// <summary>An export log entry's stored form: System.Text.Json with web defaults, the <c>entryType</c> property naming the kind.</summary>
internal static class ExportLogJson
{
    // JsonSerializerOptions.Web is .NET 9 and later; these are the same defaults on .NET 8.
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize(ExportLogEntry entry) => JsonSerializer.Serialize(entry, Options);

    public static ExportLogEntry Deserialize(string json, long id) =>
        JsonSerializer.Deserialize<ExportLogEntry>(json, Options)
        ?? throw new InvalidOperationException($"Export log row {id} holds JSON null instead of an entry: the database was changed outside ExportKit.");
}
