using ExportKit.Audit;
using ExportKit.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Benchmarks;

/// <summary>
/// What the job benchmarks share: a private temporary directory holding the job files and, for the SQLite store, the
/// database file (job store, export log, audit events and registry on one file, as <c>UseSqlite</c> registers them).
/// </summary>
internal sealed class JobBenchmarkSetup
{
    private JobBenchmarkSetup(string directory, ExportKitJobs jobs, IAuditTrail trail)
    {
        Directory = directory;
        Jobs = jobs;
        Trail = trail;
    }

    /// <summary>An admin of acme under seed 003's audit-governance roles: may create and run audit-CSV jobs.</summary>
    public static ExportPrincipal AuditAdmin { get; } = RolePermissionMap.AuditGovernance.CreatePrincipal("ana", "acme", "admin");

    public string Directory { get; }

    public string FilesDirectory => Path.Combine(Directory, "files");

    public ExportKitJobs Jobs { get; }

    public IAuditTrail Trail { get; }

    /// <summary>Builds the engine and its jobs on a new directory; <paramref name="configure"/> adds data sources.</summary>
    /// <param name="postgres">A PostgreSQL connection string to use instead (its search path a new schema), or <see langword="null"/>.</param>
    public static JobBenchmarkSetup Create(bool sqlite, int workers, Action<ExportEngineBuilder>? configure = null, string? postgres = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "exportkit-bench-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        IAuditTrail? trail = null;
        var builder = new ExportEngineBuilder().ConfigureJobs(o =>
        {
            o.StorageDirectory = Path.Combine(directory, "files");
            o.Concurrency = workers;
        });
        if (postgres is not null)
        {
            builder.ConfigureServices(k => k.UsePostgreSql(postgres));
        }
        else if (sqlite)
        {
            builder.ConfigureServices(k => k.UseSqlite(Path.Combine(directory, "exportkit.db")));
        }

        // The trail AddExportKit would make, kept here so that the benchmark can record events to export.
        builder.ConfigureServices(k => k.Services.AddSingleton<IAuditTrail>(sp => trail = new AuditTrail(
            sp.GetRequiredService<IAuditEventStore>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IExportIdGenerator>(), new AuditOptions())));
        configure?.Invoke(builder);
        var jobs = builder.BuildJobs();
        return new JobBenchmarkSetup(directory, jobs, trail ?? throw new InvalidOperationException("The audit trail was not built."));
    }

    /// <summary>Records three logins in acme: what each audit-CSV job exports.</summary>
    public async Task SeedLoginsAsync()
    {
        foreach (var user in new[] { "u1", "u2", "u3" })
        {
            await Trail.RecordAsync(new AuditEventDraft { EventType = AuditEventTypes.AuthLogin, TenantId = "acme", UserId = user });
        }
    }

    /// <summary>Deletes the job files written so far, keeping the directory.</summary>
    public void DeleteFiles()
    {
        if (System.IO.Directory.Exists(FilesDirectory))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(FilesDirectory))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>Closes pooled SQLite connections (they hold the file open) and deletes the directory.</summary>
    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
