using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// Schema step 2: moves every table to its <see cref="StrictTables"/> form — create the strict table, copy the rows,
/// drop the old table (its indexes and triggers go with it), rename, recreate the indexes and the append-only
/// triggers. It runs inside the migration's one transaction, so a failure leaves the database exactly as it was. A row
/// that the strict table refuses is never dropped: the step fails naming the table, the row and the constraint.
/// </summary>
internal static class StrictTablesMigration
{
    /// <summary>STRICT tables need SQLite 3.37.0 (2021-11-27).</summary>
    private static readonly Version MinimumSqlite = new(3, 37, 0);

    public static async Task ApplyAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        if (Version.Parse(connection.ServerVersion) < MinimumSqlite)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"SQLite {connection.ServerVersion} has no STRICT tables, which ExportKit.Storage.Sqlite needs: use SQLite {MinimumSqlite} or later (the SQLitePCLRaw bundle that Microsoft.Data.Sqlite brings has it)."));
        }

        foreach (var table in StrictTables.All)
        {
            await connection.ExecuteAsync($"CREATE TABLE {table.NewName} (\n{table.Columns}) STRICT;", cancellationToken, transaction).ConfigureAwait(false);
            await CopyAsync(connection, transaction, table, cancellationToken).ConfigureAwait(false);

            // AUTOINCREMENT keeps its high-water mark in sqlite_sequence, under the table's name: carry it over, so
            // that no id is ever given twice.
            await connection.ExecuteAsync(
                $"""
                CREATE TEMP TABLE IF NOT EXISTS exportkit_sequence (name TEXT PRIMARY KEY, seq INTEGER);
                INSERT OR REPLACE INTO exportkit_sequence SELECT '{table.Name}', max(seq) FROM sqlite_sequence WHERE name IN ('{table.Name}', '{table.NewName}');
                DROP TABLE {table.Name};
                ALTER TABLE {table.NewName} RENAME TO {table.Name};
                UPDATE sqlite_sequence SET seq = (SELECT seq FROM exportkit_sequence WHERE name = '{table.Name}') WHERE name = '{table.Name}';
                DROP TABLE exportkit_sequence;
                {table.IndexesAndTriggers}
                """,
                cancellationToken, transaction).ConfigureAwait(false);
        }
    }

    private static async Task CopyAsync(SqliteConnection connection, SqliteTransaction transaction, StrictTable table, CancellationToken cancellationToken)
    {
        var copy = $"INSERT INTO {table.NewName} ({table.ColumnList}) SELECT {table.ColumnList} FROM {table.Name}";
        try
        {
            await connection.ExecuteAsync(copy + $" ORDER BY {table.Key};", cancellationToken, transaction).ConfigureAwait(false);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == SqliteCommands.ConstraintViolation)
        {
            // The failed statement was undone on its own and the transaction goes on: copy row by row to name the row.
            var (key, error) = await FindRefusedRowAsync(connection, transaction, table, copy, cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException(
                $"The database cannot be moved to schema version 2 (strict tables): table {table.Name}, row with {table.Key} {key}, is refused: {error?.Message ?? e.Message} " +
                "The row was written outside ExportKit. Nothing was changed (the database is still at version 1); correct or restore that row from a backup, then open the database again.",
                error ?? e);
        }
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Table and column names come from the migration's own constant StrictTable list; each key goes in as a parameter.")]
    private static async Task<(string Key, SqliteException? Error)> FindRefusedRowAsync(
        SqliteConnection connection, SqliteTransaction transaction, StrictTable table, string copy, CancellationToken cancellationToken)
    {
        var keys = new List<object>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = transaction;
            select.CommandText = $"SELECT {table.Key} FROM {table.Name} ORDER BY {table.Key};";
            using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                keys.Add(reader.GetValue(0));
            }
        }

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = copy + $" WHERE {table.Key} IS @key;";
        var parameter = insert.Parameters.AddWithValue("@key", DBNull.Value);
        foreach (var key in keys)
        {
            parameter.Value = key;
            try
            {
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteCommands.ConstraintViolation)
            {
                return (Show(key), e);
            }
        }

        return ("(unknown)", null);
    }

    private static string Show(object key) => key switch
    {
        DBNull => "NULL",
        byte[] bytes => $"X'{Convert.ToHexString(bytes)}' (a BLOB)",
        string text => $"'{text}'",
        _ => Convert.ToString(key, CultureInfo.InvariantCulture) ?? "?",
    };
}
