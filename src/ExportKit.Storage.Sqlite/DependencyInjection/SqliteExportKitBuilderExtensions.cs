using ExportKit;
using ExportKit.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Keeps ExportKit's export log, audit events, export registry and export jobs in a SQLite database file.</summary>
public static class SqliteExportKitBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="SqliteExportLogStore"/>, <see cref="SqliteAuditEventStore"/>, <see cref="SqliteExportRegistry"/>
    /// and <see cref="SqliteExportJobStore"/> on one database file, as singletons, replacing any
    /// <see cref="IExportLogStore"/>, <see cref="IAuditEventStore"/>, <see cref="IExportRegistry"/> or
    /// <see cref="IExportJobStore"/> registered before (such as the in-memory ones that <c>AddExportKit</c> adds). The
    /// file and its schema are created on first use; web servers and workers of one machine can share it.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="databasePath">The database file, for example <c>exportkit.db</c> or <c>/var/lib/app/exportkit.db</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="databasePath"/> is <see langword="null"/>, empty, white space or <c>:memory:</c>.</exception>
    public static IExportKitBuilder UseSqlite(this IExportKitBuilder builder, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();

        // Built now, so that a wrong path is reported here rather than when the engine is first resolved.
        var log = new SqliteExportLogStore(connectionString);
#pragma warning disable CA2000 // Registered as an instance: it lives as long as the application, and its one held connection closes with the process.
        var audit = new SqliteAuditEventStore(connectionString);
#pragma warning restore CA2000
        var registry = new SqliteExportRegistry(connectionString);
        var jobs = new SqliteExportJobStore(connectionString);
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
