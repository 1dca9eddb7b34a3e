namespace ExportKit.Storage.Sqlite.Tests.Contracts;

/// <summary>One new database file per store a contract test creates, all deleted with the test.</summary>
internal sealed class TempDatabases : IDisposable
{
    private readonly List<TempDatabase> databases = [];

    public string NewConnectionString()
    {
        var database = new TempDatabase();
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
