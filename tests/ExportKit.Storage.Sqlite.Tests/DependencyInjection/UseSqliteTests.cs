using ExportKit.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Storage.Sqlite.Tests.DependencyInjection;

public sealed class UseSqliteTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task UseSqlite_replaces_the_in_memory_log_and_registers_all_four_stores_on_one_file()
    {
        var services = new ServiceCollection();
        services.AddExportKit().UseSqlite(database.Path);
        services.AddExportKit();
        using var provider = services.BuildServiceProvider();

        var log = provider.GetRequiredService<IExportLogStore>();
        Assert.IsType<SqliteExportLogStore>(log);
        Assert.Single(services, d => d.ServiceType == typeof(IExportLogStore));
        Assert.IsType<SqliteAuditEventStore>(provider.GetRequiredService<IAuditEventStore>());
        Assert.IsType<SqliteExportRegistry>(provider.GetRequiredService<IExportRegistry>());
        Assert.IsType<SqliteExportJobStore>(provider.GetRequiredService<IExportJobStore>());
        Assert.Single(services, d => d.ServiceType == typeof(IExportJobStore));
        Assert.Same(log, provider.GetRequiredService<IExportLogStore>());

        await log.AppendAsync(new ExportDownloadedEntry { Timestamp = AuditEventsStart, TenantId = "acme", BundleId = "b", Format = "json", FileName = "b.json", SizeBytes = 1, DownloadedBy = "u" });
        Assert.Equal(1L, database.Scalar("SELECT count(*) FROM export_log;"));
    }

    [Fact]
    public void UseSqlite_replaces_a_store_registered_before_it()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IExportLogStore>(new InMemoryExportLogStore());

        services.AddExportKit().UseSqlite(database.Path);

        Assert.Equal(typeof(SqliteExportLogStore), Assert.Single(services, d => d.ServiceType == typeof(IExportLogStore)).ImplementationInstance!.GetType());
    }

    [Fact]
    public void UseSqlite_works_through_the_engine_builder_without_dependency_injection_in_the_host()
    {
        IServiceCollection? services = null;
        var engine = new ExportEngineBuilder()
            .ConfigureServices(k => services = k.UseSqlite(database.Path).Services)
            .Build();

        Assert.NotNull(engine);
        Assert.IsType<SqliteExportLogStore>(Assert.Single(services!, d => d.ServiceType == typeof(IExportLogStore)).ImplementationInstance);
        Assert.IsType<SqliteAuditEventStore>(Assert.Single(services!, d => d.ServiceType == typeof(IAuditEventStore)).ImplementationInstance);
        Assert.IsType<SqliteExportRegistry>(Assert.Single(services!, d => d.ServiceType == typeof(IExportRegistry)).ImplementationInstance);
        Assert.IsType<SqliteExportJobStore>(Assert.Single(services!, d => d.ServiceType == typeof(IExportJobStore)).ImplementationInstance);
    }

    [Fact]
    public void UseSqlite_replaces_a_job_store_registered_before_it()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IExportJobStore>(new ExportKit.Jobs.InMemoryExportJobStore());

        services.AddExportKit().UseSqlite(database.Path);

        Assert.IsType<SqliteExportJobStore>(Assert.Single(services, d => d.ServiceType == typeof(IExportJobStore)).ImplementationInstance);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(":memory:")]
    public void UseSqlite_refuses_a_path_that_is_no_file(string path)
    {
        Assert.ThrowsAny<ArgumentException>(() => new ServiceCollection().AddExportKit().UseSqlite(path));
    }

    private static DateTimeOffset AuditEventsStart => Auditing.AuditEvents.Start;
}
