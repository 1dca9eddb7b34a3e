using ExportKit;
using ExportKit.Assembly;
using ExportKit.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds data sources, formatters, policy rules and categories to ExportKit.</summary>
public static class ExportKitBuilderExtensions
{
    /// <summary>Adds a data source type (a singleton; added once however often this is called).</summary>
    /// <typeparam name="TSource">The source type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddDataSource<TSource>(this IExportKitBuilder builder)
        where TSource : class, IPhaseDataSource
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IPhaseDataSource, TSource>());
        return builder;
    }

    /// <summary>Adds a data source instance. One source serves one phase; the engine refuses two for the same phase.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="source">The source.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddDataSource(this IExportKitBuilder builder, IPhaseDataSource source)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(source);
        AddOnce<IPhaseDataSource>(builder, source);
        return builder;
    }

    /// <summary>Adds a formatter type. It replaces the built-in formatter of its format whatever the order of the calls; of two host formatters for one format, the last registered wins.</summary>
    /// <typeparam name="TFormatter">The formatter type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddFormatter<TFormatter>(this IExportKitBuilder builder)
        where TFormatter : class, IExportFormatter
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IExportFormatter, TFormatter>());
        return builder;
    }

    /// <summary>
    /// Adds a formatter instance. It replaces the built-in formatter of its format whatever the order of the calls; of two
    /// host formatters for one format, the last registered wins. The built-in ZIP and auditor package write their inner
    /// files with the engine's formatter of each format, so a host's CSV formatter is used inside them too.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="formatter">The formatter.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddFormatter(this IExportKitBuilder builder, IExportFormatter formatter)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(formatter);
        AddOnce<IExportFormatter>(builder, formatter);
        return builder;
    }

    /// <summary>Adds a policy rule type, evaluated after the six built-in rules.</summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <param name="builder">The builder.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddPolicyRule<TRule>(this IExportKitBuilder builder)
        where TRule : class, IExportPolicyRule
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IExportPolicyRule, TRule>());
        return builder;
    }

    /// <summary>Adds a policy rule instance, evaluated after the six built-in rules.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="rule">The rule.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddPolicyRule(this IExportKitBuilder builder, IExportPolicyRule rule)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(rule);
        AddOnce<IExportPolicyRule>(builder, rule);
        return builder;
    }

    /// <summary>
    /// Restricts a phase's data to the roles and permissions given, in every category that reads the phase (host
    /// categories included), in addition to the default restrictions on phases 58 and 59.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="restriction">The restriction; the same instance registered twice is applied once.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder RestrictPhase(this IExportKitBuilder builder, PhaseRestriction restriction)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(restriction);
        builder.Services.Configure<ExportPolicyOptions>(options =>
        {
            if (!options.PhaseRestrictions.Contains(restriction))
            {
                options.PhaseRestrictions.Add(restriction);
            }
        });
        return builder;
    }

    /// <summary>Configures the policy engine's options (its phase restrictions; <see cref="RestrictPhase"/> adds one).</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder ConfigurePolicy(this IExportKitBuilder builder, Action<ExportPolicyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Configures the audit trail: an HMAC key for the hash chain, trusted proxies, the user agent's length.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Changes the options.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder ConfigureAudit(this IExportKitBuilder builder, Action<ExportKit.Audit.AuditOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>Adds a category, or replaces the built-in definition of the same category.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="definition">The category's definition.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddCategory(this IExportKitBuilder builder, ExportCategoryDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(definition);
        AddOnce<ExportCategoryDefinition>(builder, definition);
        return builder;
    }

    // The same instance registered twice (two modules sharing a rule, say) is added once. Distinct instances of one type
    // are all kept, which TryAddEnumerable would not do: several in-memory sources are one type.
    private static void AddOnce<TService>(IExportKitBuilder builder, TService instance)
        where TService : class
    {
        if (!builder.Services.Any(d => d.ServiceType == typeof(TService) && ReferenceEquals(d.ImplementationInstance, instance)))
        {
            builder.Services.AddSingleton(instance);
        }
    }
}
