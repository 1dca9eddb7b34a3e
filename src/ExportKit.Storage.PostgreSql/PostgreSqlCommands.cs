using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>Small helpers for commands: every value goes in as a parameter, never into the SQL text.</summary>
internal static class PostgreSqlCommands
{
    /// <summary>Adds a text parameter whose value may be <see langword="null"/> (stored as SQL NULL).</summary>
    public static void AddText(this NpgsqlParameterCollection parameters, string name, string? value) =>
        PostgreSqlParameters.Instance.AddText(parameters, name, value);

    /// <summary>Adds a <c>bigint</c> parameter whose value may be <see langword="null"/> (stored as SQL NULL).</summary>
    public static void AddBigint(this NpgsqlParameterCollection parameters, string name, long? value) =>
        PostgreSqlParameters.Instance.AddBigint(parameters, name, value);

    /// <summary>Adds a <c>json</c> parameter: PostgreSQL checks it is JSON and keeps the text as written.</summary>
    public static void AddJson(this NpgsqlParameterCollection parameters, string name, string value) =>
        PostgreSqlParameters.Instance.AddJson(parameters, name, value);

    public static string? GetNullableString(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
