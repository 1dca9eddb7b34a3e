using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ExportKit.Sample.Demo;

/// <summary>Where the sample keeps its stores: a SQLite file (<c>--db</c>, the default) or a PostgreSQL database (<c>--postgres</c>).</summary>
internal sealed record SampleDatabase(string? SqlitePath, string? PostgresConnectionString)
{
    public static SampleDatabase Sqlite(string path) => new(path, null);

    public static SampleDatabase Postgres(string connectionString) => new(null, connectionString);

    /// <summary>What the sample prints on start: the file's full path, or the server and database (never the password).</summary>
    public string Describe()
    {
        if (PostgresConnectionString is null)
        {
            return Path.GetFullPath(SqlitePath!);
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}" + (builder.SearchPath is { Length: > 0 } path ? $" (schema {path})" : "");
    }

    public IExportKitBuilder Use(IExportKitBuilder exportKit)
    {
        if (PostgresConnectionString is not null)
        {
            return exportKit.UsePostgreSql(PostgresConnectionString);
        }

        // SQLite creates the database file, not the folders above it.
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(SqlitePath!))!);
        return exportKit.UseSqlite(SqlitePath!);
    }
}
