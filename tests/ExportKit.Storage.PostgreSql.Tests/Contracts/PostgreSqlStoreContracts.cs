using ExportKit.Storage.Contracts;

namespace ExportKit.Storage.PostgreSql.Tests.Contracts;

// The same contract suites the in-memory and SQLite stores pass (tests/ExportKit.Storage.Contracts), run against
// PostgreSQL, each store in a schema of its own; skipped, with the reason, when EXPORTKIT_POSTGRES is not set.
[RequiresPostgres]
public sealed class PostgreSqlExportLogStoreContract : ExportLogStoreContract, IDisposable
{
    private readonly TestDatabases databases = new();

    protected override IExportLogStore CreateStore() => new PostgreSqlExportLogStore(databases.NewConnectionString());

    public void Dispose() => databases.Dispose();
}

[RequiresPostgres]
public sealed class PostgreSqlExportRegistryContract : ExportRegistryContract, IDisposable
{
    private readonly TestDatabases databases = new();

    protected override IExportRegistry CreateStore() => new PostgreSqlExportRegistry(databases.NewConnectionString());

    public void Dispose() => databases.Dispose();
}

[RequiresPostgres]
public sealed class PostgreSqlAuditEventStoreContract : AuditEventStoreContract, IDisposable
{
    private readonly TestDatabases databases = new();

    protected override IAuditEventStore CreateStore() => new PostgreSqlAuditEventStore(databases.NewConnectionString());

    public void Dispose() => databases.Dispose();
}

[RequiresPostgres]
public sealed class PostgreSqlExportJobStoreContract : ExportJobStoreContract, IDisposable
{
    private readonly TestDatabases databases = new();

    protected override IExportJobStore CreateStore() => new PostgreSqlExportJobStore(databases.NewConnectionString());

    public void Dispose() => databases.Dispose();
}

[RequiresPostgres]
public sealed class PostgreSqlAuditTreeStoreContract : AuditTreeStoreContract, IDisposable
{
    private readonly TestDatabases databases = new();

    protected override IAuditEventStore CreateStore() => new PostgreSqlAuditEventStore(databases.NewConnectionString());

    public void Dispose() => databases.Dispose();
}

[RequiresPostgres]
public sealed class PostgreSqlAuditRetentionContract : AuditRetentionContract, IDisposable
{
    private readonly TestDatabases databases = new();

    protected override IAuditEventStore CreateStore() => new PostgreSqlAuditEventStore(databases.NewConnectionString());

    public void Dispose() => databases.Dispose();
}

[RequiresPostgres]
public sealed class PostgreSqlAuditAppendLockContract : AuditAppendLockContract, IDisposable
{
    private readonly TestDatabases databases = new();
    private readonly Dictionary<IAuditEventStore, string> connectionStrings = [];

    protected override IAuditEventStore CreateStore()
    {
        var connectionString = databases.NewConnectionString();
        var store = new PostgreSqlAuditEventStore(connectionString);
        connectionStrings[store] = connectionString;
        return store;
    }

    protected override IAuditEventStore OpenBeside(IAuditEventStore store) => new PostgreSqlAuditEventStore(connectionStrings[store]);

    public void Dispose() => databases.Dispose();
}
