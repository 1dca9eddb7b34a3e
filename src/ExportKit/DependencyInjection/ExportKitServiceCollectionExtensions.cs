using ExportKit;
using ExportKit.Audit;
using ExportKit.Engine;
using ExportKit.Formats;
using ExportKit.Formatting;
using ExportKit.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers ExportKit in a service collection.</summary>
public static class ExportKitServiceCollectionExtensions
{
    /// <summary>
    /// Registers the export engine with the fourteen categories, the six built-in formatters, the six policy rules and the
    /// default phase restrictions (<see cref="PhaseRestrictions.Default"/>),
    /// in-memory stores for the export log, the export registry, the audit trail and export jobs, the export job service
    /// with its local file store and processor (<c>AddExportJobWorker</c> adds the hosted worker), and the system clock. Every engine service is added with <c>TryAdd</c>, so a host's own
    /// registration (a durable <see cref="IExportLogStore"/>, a fixed <see cref="TimeProvider"/>) wins. Calling it
    /// again adds nothing twice. Options are validated when the engine is first resolved, and at start-up in a host.
    /// </summary>
    /// <remarks>
    /// The built-in formatters are made from their options (<c>AddCsvFormat</c>, <c>AddHtmlFormat</c>, <c>AddZipFormat</c>,
    /// <c>AddAuditorPackageFormat</c>) and are not <see cref="IExportFormatter"/> services: a host's
    /// <see cref="IExportFormatter"/> for the same format replaces the built-in whether it is registered before or after this call.
    /// <see cref="IExportCatalog"/> lists the categories and formats the engine serves. <see cref="ExportEngineBuilder"/> runs
    /// these same registrations without a host's container.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures <see cref="ExportKitOptions"/>, or <see langword="null"/>.</param>
    /// <returns>A builder to add data sources, formatters, rules and categories.</returns>
    public static IExportKitBuilder AddExportKit(this IServiceCollection services, Action<ExportKitOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ExportKitOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExportKitOptions>, ExportKitOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IExportIdGenerator, RandomExportIdGenerator>();
        services.TryAddSingleton<IExportLogStore, InMemoryExportLogStore>();
        services.TryAddSingleton<IExportRegistry, InMemoryExportRegistry>();
        services.TryAddSingleton<IAuditEventStore, InMemoryAuditEventStore>();
        services.AddOptions<AuditOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditOptions>, AuditOptionsValidator>());
        services.TryAddSingleton<IAuditTrail>(sp => new AuditTrail(
            sp.GetRequiredService<IAuditEventStore>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IExportIdGenerator>(),
            sp.GetRequiredService<IOptions<AuditOptions>>().Value));
        services.TryAddSingleton(sp => new RequestMetadataReader(sp.GetRequiredService<IOptions<AuditOptions>>().Value));
        services.AddOptions<ExportPolicyOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ExportPolicyOptions>, ExportPolicyOptionsValidator>());
        services.TryAddSingleton<IExportPolicyEngine>(sp => new ExportPolicyEngine(
            sp.GetServices<IExportPolicyRule>(),
            sp.GetRequiredService<IOptions<ExportPolicyOptions>>().Value,
            sp.GetRequiredService<ExportCategoryRegistry>()));
        services.TryAddSingleton(sp => new ExportCategoryRegistry(sp.GetServices<ExportKit.Assembly.ExportCategoryDefinition>()));
        AddFormatters(services);
        services.TryAddSingleton<IExportEngine, ExportEngine>();
        services.TryAddSingleton<IExportCatalog, ExportCatalog>();
        ExportJobRegistrations.Add(services);
        foreach (var rule in ExportPolicyRules.Default)
        {
            services.TryAddEnumerable(ServiceDescriptor.Singleton(rule));
        }

        return new ExportKitBuilder(services);
    }

    private static void AddFormatters(IServiceCollection services)
    {
        services.AddOptions<CsvExportOptions>().ValidateOnStart();
        services.AddOptions<HtmlExportOptions>().ValidateOnStart();
        services.AddOptions<ZipExportOptions>().ValidateOnStart();
        services.AddOptions<AuditorPackageOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HtmlExportOptions>, HtmlExportOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ZipExportOptions>, ZipExportOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditorPackageOptions>, AuditorPackageOptionsValidator>());
        services.TryAddSingleton<ExportFormatterSet>();
    }
}
