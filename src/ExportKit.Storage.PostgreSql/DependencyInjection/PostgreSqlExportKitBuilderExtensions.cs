using ExportKit;
using ExportKit.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        RemoveStores(builder.Services);
        builder.Services.AddSingleton<IExportLogStore>(log);
        builder.Services.AddSingleton<IAuditEventStore>(audit);
        builder.Services.AddSingleton<IExportRegistry>(registry);
        builder.Services.AddSingleton<IExportJobStore>(jobs);
        return builder;
    }

    /// <summary>
    /// Registers the same four stores as <see cref="UsePostgreSql(IExportKitBuilder, string)"/>, on the database that
    /// <see cref="PostgreSqlStorageOptions"/> names: configured by <paramref name="configure"/> (and by any other
    /// <c>Configure&lt;PostgreSqlStorageOptions&gt;</c> of the host), checked at start-up, and read when a store is first
    /// resolved — so the connection string can come from configuration or a secret store.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets <see cref="PostgreSqlStorageOptions.ConnectionString"/>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// A missing, invalid or host-less connection string fails start-up (with a host) or the first resolution of a store
    /// with an <see cref="OptionsValidationException"/> naming the option and what to give.
    /// </remarks>
    public static IExportKitBuilder UsePostgreSql(this IExportKitBuilder builder, Action<PostgreSqlStorageOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);

        builder.Services.AddOptions<PostgreSqlStorageOptions>().Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PostgreSqlStorageOptions>, PostgreSqlStorageOptionsValidator>());
        RemoveStores(builder.Services);
        builder.Services.AddSingleton<IExportLogStore>(sp => new PostgreSqlExportLogStore(ConnectionString(sp)));
        builder.Services.AddSingleton<IAuditEventStore>(sp => new PostgreSqlAuditEventStore(ConnectionString(sp)));
        builder.Services.AddSingleton<IExportRegistry>(sp => new PostgreSqlExportRegistry(ConnectionString(sp)));
        builder.Services.AddSingleton<IExportJobStore>(sp => new PostgreSqlExportJobStore(ConnectionString(sp)));
        return builder;
    }

    private static string ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IOptions<PostgreSqlStorageOptions>>().Value.ConnectionString!;

    private static void RemoveStores(IServiceCollection services)
    {
        services.RemoveAll<IExportLogStore>();
        services.RemoveAll<IAuditEventStore>();
        services.RemoveAll<IExportRegistry>();
        services.RemoveAll<IExportJobStore>();
    }
}
