using ExportKit;
using ExportKit.Storage.PostgreSql;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps ExportKit's export log and export registry in a PostgreSQL database that several machines share.</summary>
public static class PostgreSqlExportKitBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="PostgreSqlExportLogStore"/> and <see cref="PostgreSqlExportRegistry"/> on one database, as
    /// singletons, replacing any <see cref="IExportLogStore"/> or <see cref="IExportRegistry"/> registered before (such
    /// as the in-memory ones that <c>AddExportKit</c> adds). The schema is created on first use, safely when several
    /// processes start at once. The audit trail and the job queue are not kept in PostgreSQL yet: the stores registered
    /// for them are left as they are.
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
        var registry = new PostgreSqlExportRegistry(connectionString);
        builder.Services.RemoveAll<IExportLogStore>();
        builder.Services.RemoveAll<IExportRegistry>();
        builder.Services.AddSingleton<IExportLogStore>(log);
        builder.Services.AddSingleton<IExportRegistry>(registry);
        return builder;
    }
}
