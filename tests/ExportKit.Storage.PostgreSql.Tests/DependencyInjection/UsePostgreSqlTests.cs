using ExportKit.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Storage.PostgreSql.Tests.DependencyInjection;

public sealed class UsePostgreSqlTests
{
    private const string ConnectionString = "Host=db.example.com;Username=exportkit;Database=exportkit";

    [Fact]
    public void UsePostgreSql_replaces_the_in_memory_log_and_registry_and_leaves_the_other_stores()
    {
        var services = new ServiceCollection();
        services.AddExportKit().UsePostgreSql(ConnectionString);
        services.AddExportKit();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<PostgreSqlExportLogStore>(provider.GetRequiredService<IExportLogStore>());
        Assert.IsType<PostgreSqlExportRegistry>(provider.GetRequiredService<IExportRegistry>());
        Assert.Single(services, d => d.ServiceType == typeof(IExportLogStore));
        Assert.Single(services, d => d.ServiceType == typeof(IExportRegistry));
        Assert.NotNull(provider.GetRequiredService<IAuditEventStore>());
    }

    [Fact]
    public void UsePostgreSql_replaces_a_store_registered_before_it()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IExportLogStore>(new InMemoryExportLogStore());

        services.AddExportKit().UsePostgreSql(ConnectionString);

        Assert.IsType<PostgreSqlExportLogStore>(Assert.Single(services, d => d.ServiceType == typeof(IExportLogStore)).ImplementationInstance);
    }

    [PostgresFact]
    public async Task UsePostgreSql_stores_work_against_the_server()
    {
        using var database = new TestDatabase();
        var services = new ServiceCollection();
        services.AddExportKit().UsePostgreSql(database.ConnectionString);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IExportRegistry>().AddAsync(Entries.Record(7));

        Assert.Equal(Entries.Record(7), await provider.GetRequiredService<IExportRegistry>().FindAsync("acme", "exp_0007"));
    }
}
