using ExportKit.Audit;
using ExportKit.Builder;
using ExportKit.Engine;
using ExportKit.Policy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExportKit;

/// <summary>
/// Builds an engine without dependency injection, with the same defaults as <c>AddExportKit</c>:
/// <code>
/// var engine = new ExportEngineBuilder().AddDataSource(findings).UseTimeProvider(clock).Build();
/// </code>
/// A builder builds one engine; build another with a new builder.
/// </summary>
public sealed class ExportEngineBuilder
{
    private readonly List<IPhaseDataSource> sources = [];
    private readonly List<IExportFormatter> formatters = [.. BuiltInFormatters.Create()];
    private readonly List<IExportPolicyRule> rules = [.. ExportPolicyRules.Default];
    private readonly List<ExportCategoryDefinition> categories = [];
    private readonly ExportKitOptions options = new();
    private readonly ExportPolicyOptions policyOptions = new();
    private TimeProvider timeProvider = TimeProvider.System;
    private IExportIdGenerator? idGenerator;
    private IExportLogStore? logStore;
    private IExportRegistry? registry;
    private IAuditTrail? auditTrail;
    private ILoggerFactory? loggerFactory;
    private bool built;

    /// <summary>Adds a data source (one per phase).</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddDataSource(IPhaseDataSource source) => Add(sources, source);

    /// <summary>Adds a formatter; for a format already served, the last one added wins.</summary>
    /// <param name="formatter">The formatter.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddFormatter(IExportFormatter formatter) => Add(formatters, formatter);

    /// <summary>Adds a policy rule, evaluated after the six built-in rules.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddPolicyRule(IExportPolicyRule rule) => Add(rules, rule);

    /// <summary>
    /// Restricts a phase's data to the roles and permissions given, in every category that reads the phase (host
    /// categories included), in addition to the default restrictions on phases 58 and 59.
    /// </summary>
    /// <param name="restriction">The restriction.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder RestrictPhase(PhaseRestriction restriction)
    {
        ArgumentNullException.ThrowIfNull(restriction);
        ThrowIfBuilt();
        policyOptions.PhaseRestrictions.Add(restriction);
        return this;
    }

    /// <summary>Adds a category, or replaces the built-in definition of the same category.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddCategory(ExportCategoryDefinition definition) => Add(categories, definition);

    /// <summary>Sets the clock; <see cref="TimeProvider.System"/> by default. Fix it to make exports reproducible.</summary>
    /// <param name="provider">The clock.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder UseTimeProvider(TimeProvider provider)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ThrowIfBuilt();
        timeProvider = provider;
        return this;
    }

    /// <summary>Sets the id generator; random 128-bit ids by default.</summary>
    /// <param name="generator">The generator.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder UseIdGenerator(IExportIdGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ThrowIfBuilt();
        idGenerator = generator;
        return this;
    }

    /// <summary>Sets where the export log is kept; a new in-memory store by default.</summary>
    /// <param name="store">The store.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder UseLogStore(IExportLogStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        ThrowIfBuilt();
        logStore = store;
        return this;
    }

    /// <summary>Sets the export registry; a new in-memory registry by default.</summary>
    /// <param name="exportRegistry">The registry.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder UseRegistry(IExportRegistry exportRegistry)
    {
        ArgumentNullException.ThrowIfNull(exportRegistry);
        ThrowIfBuilt();
        registry = exportRegistry;
        return this;
    }

    /// <summary>Sets the audit trail each export writes its <c>export.{format}.generated</c> event to; a new in-memory trail by default.</summary>
    /// <param name="trail">The trail.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder UseAuditTrail(IAuditTrail trail)
    {
        ArgumentNullException.ThrowIfNull(trail);
        ThrowIfBuilt();
        auditTrail = trail;
        return this;
    }

    /// <summary>Sets where the engine logs its decisions, failures and cleanup; nowhere by default.</summary>
    /// <param name="factory">The host's logger factory.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder UseLoggerFactory(ILoggerFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ThrowIfBuilt();
        loggerFactory = factory;
        return this;
    }

    /// <summary>Configures the engine's options.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder Configure(Action<ExportKitOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        ThrowIfBuilt();
        configure(options);
        return this;
    }

    /// <summary>Builds the engine.</summary>
    /// <returns>The engine.</returns>
    /// <exception cref="InvalidOperationException">The builder has built an engine already.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public IExportEngine Build()
    {
        if (built)
        {
            throw new InvalidOperationException("This ExportEngineBuilder has already built an engine; create a new ExportEngineBuilder for another engine.");
        }

        var validation = new ExportKitOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ExportKitOptions), validation.Failures);
        }

        built = true;
        var ids = idGenerator ?? new RandomExportIdGenerator();
        var categoryRegistry = new ExportCategoryRegistry(categories);
        return new ExportEngine(
            categoryRegistry,
            formatters,
            sources,
            new ExportPolicyEngine(rules, policyOptions, categoryRegistry),
            logStore ?? new InMemoryExportLogStore(),
            timeProvider,
            ids,
            // A copy: the built engine must not change if this builder's options object is touched later.
            Options.Create(new ExportKitOptions { DefaultTimeRangeDays = options.DefaultTimeRangeDays, StalePartialFileAge = options.StalePartialFileAge, MaxFieldDepth = options.MaxFieldDepth }),
            registry ?? new InMemoryExportRegistry(),
            auditTrail ?? new AuditTrail(new InMemoryAuditEventStore(), timeProvider, ids, new AuditOptions()),
            loggerFactory?.CreateLogger<ExportEngine>());
    }

    private ExportEngineBuilder Add<T>(List<T> list, T item)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(item);
        ThrowIfBuilt();
        list.Add(item);
        return this;
    }

    private void ThrowIfBuilt()
    {
        if (built)
        {
            throw new InvalidOperationException("This ExportEngineBuilder has already built an engine; create a new ExportEngineBuilder to change the configuration.");
        }
    }
}
