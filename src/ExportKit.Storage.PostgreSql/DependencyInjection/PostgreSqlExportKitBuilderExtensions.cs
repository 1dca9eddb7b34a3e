using ExportKit;
using ExportKit.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps ExportKit's export log, audit events, export registry and export jobs in a PostgreSQL database that several machines share.</summary>
public static class PostgreSqlExportKitBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="PostgreSqlExportLogStore"/>, <see cref="PostgreSqlAuditEventStore"/>,
    /// <see cref="PostgreSqlExportRegistry"/> and <see cref="PostgreSqlExportJobStore"/> on one database, as singletons,
    /// replacing any <see cref="IExportLogStore"/>, <see cref="IAuditEventStore"/>, <see cref="IExportRegistry"/> or
    /// <see cref="IExportJobStore"/> registered before (such as the in-memory ones that <c>AddExportKit</c> adds). The
    /// schema is created and migrated on first use, safely when several processes start at once; web servers and workers
    /// on any number of machines share the audit chain and the job queue.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="connectionString">An Npgsql connection string, for example <c>Host=db;Username=exportkit;Password=...;Database=exportkit</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is <see langword="null"/>, empty, white space, invalid or names no host.</exception>
    public static IExportKitBuilder UsePostgreSql(this IExportKitBuilder builder, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);

        // Built now, so that a malformed connection string is reported here rather than when the engine is first resolved.
        var log = new PostgreSqlExportLogStore(connectionString);
        var audit = new PostgreSqlAuditEventStore(connectionString);
        var registry = new PostgreSqlExportRegistry(connectionString);
        var jobs = new PostgreSqlExportJobStore(connectionString);
        builder.Services.RemoveAll<IExportLogStore>();
        builder.Services.RemoveAll<IAuditEventStore>();
        builder.Services.RemoveAll<IExportRegistry>();
        builder.Services.RemoveAll<IExportJobStore>();
        builder.Services.AddSingleton<IExportLogStore>(log);
        builder.Services.AddSingleton<IAuditEventStore>(audit);
        builder.Services.AddSingleton<IExportRegistry>(registry);
        builder.Services.AddSingleton<IExportJobStore>(jobs);
        return builder;
    }
}
