using ExportKit.Assembly;
using ExportKit.Sources;
using ExportKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExportKit.Tests.DependencyInjection;

public sealed class AddExportKitTests
{
    [Fact]
    public async Task Engine_resolves_and_exports_with_the_hosts_sources_clock_and_log()
    {
        var clock = TestClock.Create();
        var log = new ExportKit.Audit.InMemoryExportLogStore();
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<IExportLogStore>(log);
        var exportKit = services.AddExportKit();
        foreach (var source in InMemoryPhaseDataSource.ForEachPhase(TestRecords.All()))
        {
            exportKit.AddDataSource(source);
        }

        using var provider = services.BuildServiceProvider(validateScopes: true);
        var engine = provider.GetRequiredService<IExportEngine>();
        var result = await engine.Export(ExportCategory.AuditFindings).ForTenant("acme").By(TestEngine.Admin()).WriteToAsync(Stream.Null);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal(clock.GetUtcNow(), result.Bundle.Metadata.GeneratedAt);
        Assert.Equal(2, await log.ReadAsync().CountAsync());
    }

    [Fact]
    public void Calling_AddExportKit_twice_registers_nothing_twice()
    {
        var services = new ServiceCollection();
        services.AddExportKit();
        services.AddExportKit();

        Assert.Single(services, d => d.ServiceType == typeof(IExportEngine));
        Assert.Equal(6, services.Count(d => d.ServiceType == typeof(IExportPolicyRule)));
        Assert.DoesNotContain(services, d => d.ServiceType == typeof(IExportFormatter));
        Assert.Single(services, d => d.ServiceType == typeof(IExportCatalog));
    }

    [Fact]
    public void The_same_instance_added_twice_is_registered_once_and_distinct_instances_all()
    {
        var services = new ServiceCollection();
        var rule = ExportKit.Policy.ExportPolicyRules.DataRetention;
        var alerts = new InMemoryPhaseDataSource(ExportPhase.Alerts, []);
        var tasks = new InMemoryPhaseDataSource(ExportPhase.Tasks, []);

        services.AddExportKit().AddPolicyRule(rule).AddPolicyRule(rule).AddDataSource(alerts).AddDataSource(alerts).AddDataSource(tasks);

        Assert.Equal(2, services.Count(d => d.ServiceType == typeof(IPhaseDataSource)));
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<IExportEngine>());
    }

    [Fact]
    public void A_host_registration_made_before_wins()
    {
        var services = new ServiceCollection();
        var store = new ExportKit.Audit.InMemoryExportLogStore();
        services.AddSingleton<IExportLogStore>(store);
        services.AddExportKit();

        using var provider = services.BuildServiceProvider();
        Assert.Same(store, provider.GetRequiredService<IExportLogStore>());
    }

    [Fact]
    public void The_builder_exposes_only_the_service_collection()
    {
        var services = new ServiceCollection();

        var builder = services.AddExportKit();

        Assert.Same(services, builder.Services);
        Assert.Equal("Services", Assert.Single(typeof(IExportKitBuilder).GetProperties()).Name);
        Assert.Single(typeof(IExportKitBuilder).GetMethods());
    }

    [Fact]
    public void Invalid_options_fail_when_the_engine_is_resolved_naming_the_option()
    {
        var services = new ServiceCollection();
        services.AddExportKit(o => o.DefaultTimeRangeDays = 365);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(provider.GetRequiredService<IExportEngine>);

        Assert.Contains("DefaultTimeRangeDays is 365", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custom_rules_and_categories_are_used()
    {
        var services = new ServiceCollection().AddSingleton<TimeProvider>(TestClock.Create());
        var custom = new ExportCategoryDefinition(new ExportCategory("findings-and-alerts"), "Findings and Alerts", "Both", [ExportSections.AuditFindings, ExportSections.AlertLogs]);
        var exportKit = services.AddExportKit().AddCategory(custom).AddPolicyRule(new DenyTenant("acme"));
        foreach (var source in InMemoryPhaseDataSource.ForEachPhase(TestRecords.All()))
        {
            exportKit.AddDataSource(source);
        }

        using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<IExportEngine>();
        var denied = await engine.Export(custom.Category).ForTenant("acme").By(TestEngine.Admin()).WriteToAsync(Stream.Null);

        Assert.Equal(["acme is frozen"], denied.Violations);
    }

    private sealed class DenyTenant(string tenant) : IExportPolicyRule
    {
        public string Name => "freeze";

        public void Evaluate(PolicyEvaluationContext context)
        {
            if (context.Query.Scope.TenantId == tenant)
            {
                context.AddViolation($"{tenant} is frozen");
            }
        }
    }
}
