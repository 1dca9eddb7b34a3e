namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// Where <c>UsePostgreSql(options => …)</c> keeps ExportKit's stores; read when the stores are first resolved, so it can
/// come from configuration (<c>options.ConnectionString = configuration.GetConnectionString("exportkit")</c>), and checked
/// at start-up.
/// </summary>
public sealed class PostgreSqlStorageOptions
{
    /// <summary>
    /// Gets or sets the Npgsql connection string of the database that holds every store, for example
    /// <c>Host=db;Username=exportkit;Password=...;Database=exportkit</c>. Required: it must parse and name a host.
    /// </summary>
    public string? ConnectionString { get; set; }
}
