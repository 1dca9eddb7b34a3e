using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExportKit;

/// <summary>
/// Builds an engine without a host's dependency injection:
/// <code>
/// var engine = new ExportEngineBuilder().AddDataSource(findings).UseTimeProvider(clock).AddCsvFormat(o => o.IncludeByteOrderMark = true).Build();
/// </code>
/// It is a front for <c>AddExportKit()</c>: it runs the same registrations over a service collection of its own, and each
/// method has the effect of the <see cref="IExportKitBuilder"/> extension of the same name, so an engine built either way
/// behaves the same. <see cref="ConfigureServices"/> reaches anything else registered on <see cref="IExportKitBuilder"/>
/// (a storage package's <c>UseSqlite</c>, say). A builder builds one engine; build another with a new builder.
/// </summary>
/// <remarks>
/// <see cref="Build"/> makes a service provider that lives as long as the engine: it is not disposed, because the engine
/// and the services it holds (stores, formatters) are its singletons. It holds nothing that needs disposing but what a
/// host registers through <see cref="ConfigureServices"/>; instances passed to the <c>Use…</c> and <c>Add…</c>
/// methods stay the caller's to dispose.
/// </remarks>
public sealed partial class ExportEngineBuilder
{
    private readonly ServiceCollection services = new();
    private readonly IExportKitBuilder exportKit;
    private bool built;

    /// <summary>Initializes a new instance of the <see cref="ExportEngineBuilder"/> class with the defaults of <c>AddExportKit()</c>.</summary>
    public ExportEngineBuilder() => exportKit = services.AddExportKit();

    /// <summary>Configures the engine's options.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder Configure(Action<ExportKitOptions> configure) => Apply(configure, c => services.Configure(c));

    /// <summary>
    /// Registers services and runs <see cref="IExportKitBuilder"/> extensions from other packages (a storage package's
    /// <c>UseSqlite(path)</c>, say) on the builder's own service collection. A registration made here is added after
    /// ExportKit's defaults, so it replaces them.
    /// </summary>
    /// <param name="configure">Registers services, for example <c>kit =&gt; kit.UseSqlite("exports.db")</c>.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder ConfigureServices(Action<IExportKitBuilder> configure) => Apply(configure, c => c(exportKit));

    /// <summary>Sets the clock; <see cref="TimeProvider.System"/> by default. Fix it to make exports reproducible.</summary>
    /// <param name="provider">The clock.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder UseTimeProvider(TimeProvider provider) => Use(provider);

    /// <summary>Sets the id generator; random 128-bit ids by default.</summary>
    /// <param name="generator">The generator.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder UseIdGenerator(IExportIdGenerator generator) => Use(generator);

    /// <summary>Sets where the export log is kept; a new in-memory store by default.</summary>
    /// <param name="store">The store.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder UseLogStore(IExportLogStore store) => Use(store);

    /// <summary>Sets the export registry; a new in-memory registry by default.</summary>
    /// <param name="exportRegistry">The registry.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder UseRegistry(IExportRegistry exportRegistry) => Use(exportRegistry);

    /// <summary>
    /// Sets the audit trail each export writes its <c>export.{format}.generated</c> event to; by default a new in-memory
    /// trail with the options of <see cref="ConfigureAudit"/>.
    /// </summary>
    /// <param name="trail">The trail.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder UseAuditTrail(IAuditTrail trail) => Use(trail);

    /// <summary>Sets where the engine logs its decisions, failures and cleanup; nowhere by default.</summary>
    /// <param name="factory">The host's logger factory.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder UseLoggerFactory(ILoggerFactory factory)
    {
        Use(factory);
        services.TryAdd(ServiceDescriptor.Singleton(typeof(ILogger<>), typeof(Logger<>)));
        return this;
    }

    /// <summary>Builds the engine, validating every option first.</summary>
    /// <returns>The engine. It also implements <see cref="IExportCatalog"/>.</returns>
    /// <exception cref="InvalidOperationException">The builder has built an engine already.</exception>
    /// <exception cref="OptionsValidationException">One options class is invalid; the message lists every problem.</exception>
    /// <exception cref="AggregateException">Several options classes are invalid: one <see cref="OptionsValidationException"/> each.</exception>
    /// <exception cref="ArgumentException">The configuration is inconsistent, for example two data sources for one phase.</exception>
    public IExportEngine Build() => BuildProvider().GetRequiredService<IExportEngine>();

    private ServiceProvider BuildProvider()
    {
        if (built)
        {
            throw new InvalidOperationException("This ExportEngineBuilder has already built an engine; create a new ExportEngineBuilder for another engine.");
        }

        built = true;
        var provider = services.BuildServiceProvider();
        try
        {
            provider.GetService<IStartupValidator>()?.Validate();
            _ = provider.GetRequiredService<IExportEngine>();
            return provider;
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    private ExportEngineBuilder Use<TService>(TService instance, [CallerArgumentExpression(nameof(instance))] string? parameterName = null)
        where TService : class => Apply(instance, i => services.Replace(ServiceDescriptor.Singleton(i)), parameterName);

    // The caller passes its own parameter, so the exception names it ("source", "configure", …).
    private ExportEngineBuilder Apply<T>(T argument, Action<T> register, [CallerArgumentExpression(nameof(argument))] string? parameterName = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(argument, parameterName);
        if (built)
        {
            throw new InvalidOperationException("This ExportEngineBuilder has already built an engine; create a new ExportEngineBuilder to change the configuration.");
        }

        register(argument);
        return this;
    }
}
