using ExportKit.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Storage.PostgreSql.Tests.DependencyInjection;

public sealed class UsePostgreSqlTests
{
    private const string ConnectionString = "Host=db.example.com;Username=exportkit;Database=exportkit";

    [Fact]
    public void UsePostgreSql_replaces_every_in_memory_store()
    {
        var services = new ServiceCollection();
        services.AddExportKit().UsePostgreSql(ConnectionString);
        services.AddExportKit();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<PostgreSqlExportLogStore>(provider.GetRequiredService<IExportLogStore>());
        Assert.IsType<PostgreSqlExportRegistry>(provider.GetRequiredService<IExportRegistry>());
        Assert.Single(services, d => d.ServiceType == typeof(IExportLogStore));
        Assert.IsType<PostgreSqlAuditEventStore>(provider.GetRequiredService<IAuditEventStore>());
        Assert.IsType<PostgreSqlExportJobStore>(provider.GetRequiredService<IExportJobStore>());
        Assert.Single(services, d => d.ServiceType == typeof(IExportRegistry));
        Assert.Single(services, d => d.ServiceType == typeof(IAuditEventStore));
        Assert.Single(services, d => d.ServiceType == typeof(IExportJobStore));
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
        await provider.GetRequiredService<IAuditTrail>().RecordAsync(ExportKit.Storage.Contracts.AuditEvents.Draft());
        Assert.True((await provider.GetRequiredService<IAuditTrail>().VerifyAsync()).IsValid);

        Assert.Equal(Entries.Record(7), await provider.GetRequiredService<IExportRegistry>().FindAsync("acme", "exp_0007"));
    }
}
