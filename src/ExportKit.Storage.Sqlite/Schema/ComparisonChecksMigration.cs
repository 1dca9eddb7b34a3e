using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// Schema step 6: the CHECK constraints that hold a column to more than two words (<c>severity IN ('info', …)</c>)
/// say the same with comparisons joined by OR. SQLite evaluates an IN list of more than two values by building a
/// temporary b-tree, with a page cache of its own, every time the statement runs: each audit event, log entry and job
/// transition allocated and freed one per list, which cost about a third of an audit append's CPU (in memory-backed
/// storage, 121 → 87 µs per event with the transparency log; a plain insert of the event row 47 → 29 µs).
/// </summary>
/// <remarks>
/// The rows are not touched and the constraints mean exactly what they meant (a STRICT TEXT column compared with
/// BINARY collation, NOT NULL besides), so the tables' definitions are rewritten in place, as SQLite documents for
/// changes that do not affect what is stored (https://www.sqlite.org/lang_altertable.html#otheralter):
/// <c>writable_schema</c> in the migration's transaction, and the schema version incremented so that every open
/// connection, in this process or another, reloads the schema when it next runs a statement. A definition that does not
/// hold a constraint exactly as ExportKit wrote it was changed outside ExportKit: the step then refuses, naming it, and
/// nothing changes.
/// </remarks>
internal static class ComparisonChecksMigration
{
    /// <summary>The constraints the step rewrites: table, column and the words allowed, in the order written.</summary>
    internal static readonly (string Table, string Column, string[] Words)[] Checks =
    [
        ("export_log", "entry_type", ["export-generated", "export-downloaded", "policy-decision", "error"]),
        ("audit_events", "severity", ["info", "warning", "error", "critical"]),
        ("audit_events", "actor_type", ["user", "system", "api", "webhook"]),
        ("export_jobs", "status", ["queued", "processing", "success", "failed", "cancelled", "expired"]),
    ];

    public static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        var definitions = new List<(string Table, string Sql)>();
        foreach (var table in Checks.GroupBy(check => check.Table, StringComparer.Ordinal))
        {
            var sql = await ReadDefinitionAsync(connection, transaction, table.Key, cancellationToken).ConfigureAwait(false);
            foreach (var (_, column, words) in table)
            {
                var before = InList(column, words);
                var at = sql.IndexOf(before, StringComparison.Ordinal);
                if (at < 0 || sql.IndexOf(before, at + before.Length, StringComparison.Ordinal) >= 0)
                {
                    throw new InvalidOperationException(
                        $"Schema step 6 did not find the constraint `{before}` exactly once in the definition of table {table.Key}: the table was changed outside ExportKit.Storage.Sqlite, so no step is applied and the database keeps the version it had. Restore the file from a backup, or recreate the table's definition as ExportKit made it.");
                }

                sql = string.Concat(sql.AsSpan(0, at), Comparisons(column, words), sql.AsSpan(at + before.Length));
            }

            definitions.Add((table.Key, sql));
        }

        long schemaVersion;
        using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "PRAGMA schema_version;";
            schemaVersion = Convert.ToInt64(await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }

        await connection.ExecuteAsync("PRAGMA writable_schema = ON;", cancellationToken, transaction).ConfigureAwait(false);
        try
        {
            foreach (var (table, sql) in definitions)
            {
                using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = "UPDATE sqlite_schema SET sql = @sql WHERE type = 'table' AND name = @name;";
                update.Parameters.AddWithValue("@sql", sql);
                update.Parameters.AddWithValue("@name", table);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            // The number is written into the statement: PRAGMA takes no parameters.
            await connection.ExecuteAsync(
                string.Create(CultureInfo.InvariantCulture, $"PRAGMA schema_version = {schemaVersion + 1};"), cancellationToken, transaction).ConfigureAwait(false);
        }
        finally
        {
            await connection.ExecuteAsync("PRAGMA writable_schema = OFF;", cancellationToken, transaction).ConfigureAwait(false);
        }
    }

    /// <summary>The constraint as steps 2 and 3 wrote it.</summary>
    internal static string InList(string column, string[] words) =>
        $"{column} IN ({string.Join(", ", words.Select(Quote))})";

    /// <summary>The same constraint as comparisons, in parentheses so that it reads as one condition.</summary>
    internal static string Comparisons(string column, string[] words) =>
        $"({string.Join(" OR ", words.Select(word => $"{column} = {Quote(word)}"))})";

    private static string Quote(string word) => "'" + word.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static async Task<string> ReadDefinitionAsync(SqliteConnection connection, SqliteTransaction transaction, string table, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = @name;";
        command.Parameters.AddWithValue("@name", table);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string
            ?? throw new InvalidOperationException($"Schema step 6 found no table {table}: the database was changed outside ExportKit.Storage.Sqlite, so no step is applied and the database keeps the version it had. Restore the file from a backup.");
    }
}
