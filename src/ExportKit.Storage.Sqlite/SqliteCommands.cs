using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>Small helpers for commands: every value goes in as a parameter, never into the SQL text.</summary>
[SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Callers pass ExportKit's own constant SQL; every value goes in as a parameter.")]
internal static class SqliteCommands
{
    /// <summary>The result code of any constraint violation (SQLITE_CONSTRAINT).</summary>
    public const int ConstraintViolation = 19;

    public static async Task ExecuteAsync(
        this SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs a <c>SELECT EXISTS (...)</c> query with one parameter, <c>@value</c>.</summary>
    public static async Task<bool> ExistsAsync(this SqliteConnection connection, string sql, object value, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@value", value);
        var result = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt64(result, CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Adds a parameter whose value may be <see langword="null"/> (stored as SQL NULL).</summary>
    public static void Add(this SqliteParameterCollection parameters, string name, object? value) =>
        parameters.AddWithValue(name, value ?? DBNull.Value);

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
