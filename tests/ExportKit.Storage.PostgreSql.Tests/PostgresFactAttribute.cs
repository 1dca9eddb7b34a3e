using ExportKit.Storage.Contracts;

namespace ExportKit.Storage.PostgreSql.Tests;

/// <summary>
/// A fact that runs only when EXPORTKIT_POSTGRES holds an Npgsql connection string to a PostgreSQL server on which the
/// user may create schemas, for example <c>Host=127.0.0.1;Port=5432;Username=postgres;Database=exportkit_test</c>
/// (.ci/run starts a throwaway server and sets it).
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = TestDatabase.SkipReason;
    }
}

/// <summary>Runs a contract suite only when EXPORTKIT_POSTGRES is set, and otherwise reports every test as skipped and why.</summary>
public sealed class RequiresPostgresAttribute : ContractSkipAttribute
{
    public override string? SkipReason => TestDatabase.SkipReason;
}
