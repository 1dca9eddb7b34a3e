using Npgsql;

namespace ExportKit.Storage.PostgreSql.Tests;

/// <summary>
/// A new, empty schema on the server EXPORTKIT_POSTGRES names, for one test: its connection string puts the schema
/// first on the search path, so the stores create their tables there and tests never see each other's rows. The
/// schema is dropped on dispose.
/// </summary>
internal sealed class TestDatabase : IDisposable
{
    public const string Variable = "EXPORTKIT_POSTGRES";

    public TestDatabase()
    {
        Schema = "exportkit_test_" + Guid.NewGuid().ToString("N");
        Execute($"CREATE SCHEMA {Schema};");
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { SearchPath = Schema }.ConnectionString;
    }

    public static string? ServerConnectionString => Environment.GetEnvironmentVariable(Variable);

    public static string? SkipReason => string.IsNullOrWhiteSpace(ServerConnectionString)
        ? $"{Variable} is not set: set it to an Npgsql connection string of a PostgreSQL server where the user may create schemas, e.g. "
          + $"'{Variable}=Host=127.0.0.1;Port=5432;Username=postgres;Database=exportkit_test' (.ci/run starts a throwaway PostgreSQL 15 and sets it)."
        : null;

    public string Schema { get; }

    public string ConnectionString { get; }

    /// <summary>Runs SQL on the server's connection string (no search path of the test's schema unless the SQL sets one).</summary>
    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ServerConnectionString);
        connection.Open();
#pragma warning disable CA2100 // Tests' own SQL.
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    /// <summary>Opens a connection whose search path is the test's schema.</summary>
    public NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    /// <summary>Runs SQL with the test's schema on the search path.</summary>
    public void ExecuteInSchema(string sql)
    {
        using var connection = Open();
#pragma warning disable CA2100 // Tests' own SQL.
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a query with the test's schema on the search path and returns its first column as text.</summary>
    public List<string> Strings(string sql)
    {
        using var connection = Open();
#pragma warning disable CA2100 // Tests' own SQL.
        using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0).ToString() ?? "");
        }

        return values;
    }

    /// <summary>Runs a scalar query with the test's schema on the search path.</summary>
    public long Scalar(string sql) => long.Parse(Strings(sql)[0], System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        Execute($"DROP SCHEMA IF EXISTS {Schema} CASCADE;");
    }
}

/// <summary>One new schema per store a contract test creates, all dropped with the test.</summary>
internal sealed class TestDatabases : IDisposable
{
    private readonly List<TestDatabase> databases = [];

    public string NewConnectionString()
    {
        var database = new TestDatabase();
        databases.Add(database);
        return database.ConnectionString;
    }

    public void Dispose()
    {
        foreach (var database in databases)
        {
            database.Dispose();
        }
    }
}
