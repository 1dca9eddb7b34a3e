using ExportKit.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    [Fact]
    public void The_options_overload_reads_the_connection_string_when_a_store_is_first_resolved()
    {
        var services = new ServiceCollection();
        var connectionString = "Host=placeholder";
        services.AddExportKit().UsePostgreSql(options => options.ConnectionString = connectionString);
        connectionString = ConnectionString; // set after registration, as configuration bound later would be
        using var provider = services.BuildServiceProvider();

        Assert.IsType<PostgreSqlExportLogStore>(provider.GetRequiredService<IExportLogStore>());
        Assert.IsType<PostgreSqlAuditEventStore>(provider.GetRequiredService<IAuditEventStore>());
        Assert.IsType<PostgreSqlExportRegistry>(provider.GetRequiredService<IExportRegistry>());
        Assert.IsType<PostgreSqlExportJobStore>(provider.GetRequiredService<IExportJobStore>());
        Assert.Single(services, d => d.ServiceType == typeof(IAuditEventStore));
        Assert.Equal(ConnectionString, provider.GetRequiredService<IOptions<PostgreSqlStorageOptions>>().Value.ConnectionString);
    }

    [Theory]
    [InlineData(null, "ConnectionString is not set")]
    [InlineData(" ", "ConnectionString is not set")]
    [InlineData("Username=exportkit;Database=exportkit", "names no Host")]
    [InlineData("Host=db;NoSuchKeyword=1", "The PostgreSQL connection string is invalid")]
    public void A_bad_connection_string_in_the_options_fails_at_start_with_what_to_give(string? connectionString, string expected)
    {
        var services = new ServiceCollection();
        services.AddExportKit().UsePostgreSql(options => options.ConnectionString = connectionString);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IAuditEventStore>());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("PostgreSqlStorageOptions.ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter 'connectionString')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_overload_refuses_a_null_configure()
    {
        var builder = new ServiceCollection().AddExportKit();
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.UsePostgreSql((Action<PostgreSqlStorageOptions>)null!)).ParamName);
    }

    [PostgresFact]
    public async Task The_options_overload_stores_work_against_the_server()
    {
        using var database = new TestDatabase();
        var services = new ServiceCollection();
        services.AddExportKit().UsePostgreSql(options => options.ConnectionString = database.ConnectionString);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<IAuditTrail>().RecordAsync(ExportKit.Storage.Contracts.AuditEvents.Draft());
        Assert.True((await provider.GetRequiredService<IAuditTrail>().VerifyAsync()).IsValid);
    }
}
