using Npgsql;

namespace ExportKit.Benchmarks;

/// <summary>
/// The PostgreSQL benchmarks' server: EXPORTKIT_POSTGRES, an Npgsql connection string of a server where the user may
/// create schemas. Without it Program.cs leaves the PostgreSQL benchmarks out.
/// </summary>
internal static class PostgreSqlBench
{
    public const string Variable = "EXPORTKIT_POSTGRES";

    public static string? Server => Environment.GetEnvironmentVariable(Variable);

    /// <summary>A schema of its own (created if missing), as a connection string whose search path is that schema.</summary>
    public static string Schema(string name, bool fresh)
    {
        var server = Server ?? throw new InvalidOperationException($"{Variable} is not set.");
        Execute(server, (fresh ? $"DROP SCHEMA IF EXISTS {name} CASCADE; " : "") + $"CREATE SCHEMA IF NOT EXISTS {name};");
        return new NpgsqlConnectionStringBuilder(server) { SearchPath = name }.ConnectionString;
    }

    public static void Drop(string name)
    {
        NpgsqlConnection.ClearAllPools();
        Execute(Server!, $"DROP SCHEMA IF EXISTS {name} CASCADE;");
    }

    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
#pragma warning disable CA2100 // The benchmarks' own SQL.
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }
}
