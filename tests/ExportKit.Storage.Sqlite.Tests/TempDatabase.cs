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
