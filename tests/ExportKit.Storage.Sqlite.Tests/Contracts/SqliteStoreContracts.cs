using ExportKit.Storage.Contracts;

namespace ExportKit.Storage.Sqlite.Tests.Contracts;

// The same contract suites the in-memory stores pass (tests/ExportKit.Storage.Contracts), run against SQLite.
public sealed class SqliteAuditEventStoreContract : AuditEventStoreContract, IDisposable
{
    private readonly TempDatabases databases = new();

    protected override IAuditEventStore CreateStore() => new SqliteAuditEventStore(databases.NewConnectionString());

    public void Dispose() => databases.Dispose();
}

public sealed class SqliteExportLogStoreContract : ExportLogStoreContract, IDisposable
{
    private readonly TempDatabases databases = new();

    protected override IExportLogStore CreateStore() => new SqliteExportLogStore(databases.NewConnectionString());

    public void Dispose() => databases.Dispose();
}

public sealed class SqliteExportRegistryContract : ExportRegistryContract, IDisposable
{
    private readonly TempDatabases databases = new();

    protected override IExportRegistry CreateStore() => new SqliteExportRegistry(databases.NewConnectionString());

    public void Dispose() => databases.Dispose();
}

public sealed class SqliteExportJobStoreContract : ExportJobStoreContract, IDisposable
{
    private readonly TempDatabases databases = new();

    protected override IExportJobStore CreateStore() => new SqliteExportJobStore(databases.NewConnectionString());

    public void Dispose() => databases.Dispose();
}

public sealed class SqliteAuditTreeStoreContract : AuditTreeStoreContract, IDisposable
{
    private readonly TempDatabases databases = new();

    protected override IAuditEventStore CreateStore() => new SqliteAuditEventStore(databases.NewConnectionString());

    public void Dispose() => databases.Dispose();
}

public sealed class SqliteAuditRetentionContract : AuditRetentionContract, IDisposable
{
    private readonly TempDatabases databases = new();

    protected override IAuditEventStore CreateStore() => new SqliteAuditEventStore(databases.NewConnectionString());

    public void Dispose() => databases.Dispose();
}

public sealed class SqliteAuditAppendLockContract : AuditAppendLockContract, IDisposable
{
    private readonly TempDatabases databases = new();
    private readonly Dictionary<IAuditEventStore, string> connectionStrings = [];

    protected override IAuditEventStore CreateStore()
    {
        var connectionString = databases.NewConnectionString();
        var store = new SqliteAuditEventStore(connectionString);
        connectionStrings[store] = connectionString;
        return store;
    }

    protected override IAuditEventStore OpenBeside(IAuditEventStore store) => new SqliteAuditEventStore(connectionStrings[store]);

    public void Dispose() => databases.Dispose();
}
