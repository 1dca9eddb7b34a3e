using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite.Tests;

/// <summary>A database file of its own for one test, deleted afterwards with its WAL files.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"exportkit-sqlite-{Guid.NewGuid():N}.db");
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path }.ToString();
    }

    public string Path { get; }

    public string ConnectionString { get; }

    /// <summary>A raw connection, to look at the file or to try what the stores never do.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    public object? Scalar(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    /// <summary>
    /// Runs SQL as an attacker with the file would: the append-only triggers dropped and CHECK constraints ignored
    /// (STRICT typing still holds), then the pool closed so that the stores read the result.
    /// </summary>
    public void ExecuteBehindTheApi(string sql)
    {
        using (var connection = Open())
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                PRAGMA ignore_check_constraints = ON;
                DROP TRIGGER IF EXISTS audit_events_no_update; DROP TRIGGER IF EXISTS exports_no_update; DROP TRIGGER IF EXISTS export_log_no_update;
                {sql}
                """;
            command.ExecuteNonQuery();
        }

        ClosePool();
    }

    /// <summary>Turns a STRICT table back into an ordinary one by rewriting its definition (<c>PRAGMA writable_schema</c>).</summary>
    public void RemoveStrict(string table)
    {
        using (var connection = Open())
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"""
                PRAGMA writable_schema = ON;
                UPDATE sqlite_schema SET sql = replace(sql, ') STRICT', ')') WHERE type = 'table' AND name = '{table}';
                PRAGMA writable_schema = OFF;
                """;
            command.ExecuteNonQuery();
        }

        ClosePool();
    }

    /// <summary>Closes the pooled connections, so that the next store really opens the file again.</summary>
    public void ClosePool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    public void Dispose()
    {
        ClosePool();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }
    }
}
