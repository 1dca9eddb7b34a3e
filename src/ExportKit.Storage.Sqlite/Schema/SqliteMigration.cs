using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>One numbered step of the schema.</summary>
/// <param name="Version">The version the database has after the step; steps are numbered from 1 without gaps.</param>
/// <param name="Description">What the step does, recorded beside its number.</param>
/// <param name="ApplyAsync">Runs the step in the migration's transaction; it throws to roll the whole migration back.</param>
internal sealed record SqliteMigration(
    int Version, string Description, Func<SqliteConnection, SqliteTransaction, CancellationToken, Task> ApplyAsync)
{
    /// <summary>A step that is only SQL statements.</summary>
    public static SqliteMigration FromSql(int version, string description, string sql) =>
        new(version, description, (connection, transaction, cancellationToken) => connection.ExecuteAsync(sql, cancellationToken, transaction));
}
