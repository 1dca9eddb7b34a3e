using ExportKit.Audit;
using ExportKit.Assembly;
using ExportKit.Formats;
using ExportKit.Policy;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit;

/// <summary>The builder's plug-ins and their options: each method does what the <see cref="IExportKitBuilder"/> extension of the same name does.</summary>
public sealed partial class ExportEngineBuilder
{
    /// <summary>Adds a data source (one per phase); the same instance added twice is added once.</summary>
    /// <param name="source">The source.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddDataSource(IPhaseDataSource source) => Apply(source, s => exportKit.AddDataSource(s));

    /// <summary>Adds a data source type, made by the builder's service provider (register what it needs with <see cref="ConfigureServices"/>).</summary>
    /// <typeparam name="TSource">The source type.</typeparam>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddDataSource<TSource>()
        where TSource : class, IPhaseDataSource => Apply(exportKit, k => k.AddDataSource<TSource>());

    /// <summary>Adds a formatter. It replaces the built-in formatter of its format; of two added for one format, the last wins.</summary>
    /// <param name="formatter">The formatter.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddFormatter(IExportFormatter formatter) => Apply(formatter, f => exportKit.AddFormatter(f));

    /// <summary>Adds a formatter type, made by the builder's service provider.</summary>
    /// <typeparam name="TFormatter">The formatter type.</typeparam>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddFormatter<TFormatter>()
        where TFormatter : class, IExportFormatter => Apply(exportKit, k => k.AddFormatter<TFormatter>());

    /// <summary>Configures the built-in CSV formatter, in its own files and inside ZIPs and auditor packages.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddCsvFormat(Action<CsvExportOptions> configure) => Apply(configure, c => exportKit.AddCsvFormat(c));

    /// <summary>Configures the built-in HTML formatter, in its own files and inside ZIPs.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddHtmlFormat(Action<HtmlExportOptions> configure) => Apply(configure, c => exportKit.AddHtmlFormat(c));

    /// <summary>Configures the built-in ZIP formatter.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddZipFormat(Action<ZipExportOptions> configure) => Apply(configure, c => exportKit.AddZipFormat(c));

    /// <summary>Configures the built-in auditor package.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddAuditorPackageFormat(Action<AuditorPackageOptions> configure) => Apply(configure, c => exportKit.AddAuditorPackageFormat(c));

    /// <summary>Adds a policy rule, evaluated after the six built-in rules.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddPolicyRule(IExportPolicyRule rule) => Apply(rule, r => exportKit.AddPolicyRule(r));

    /// <summary>Adds a policy rule type, made by the builder's service provider, evaluated after the six built-in rules.</summary>
    /// <typeparam name="TRule">The rule type.</typeparam>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddPolicyRule<TRule>()
        where TRule : class, IExportPolicyRule => Apply(exportKit, k => k.AddPolicyRule<TRule>());

    /// <summary>
    /// Restricts a phase's data to the roles and permissions given, in every category that reads the phase (host
    /// categories included), in addition to the default restrictions on phases 58 and 59.
    /// </summary>
    /// <param name="restriction">The restriction.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder RestrictPhase(PhaseRestriction restriction) => Apply(restriction, r => exportKit.RestrictPhase(r));

    /// <summary>Configures the policy engine's options (its phase restrictions).</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder ConfigurePolicy(Action<ExportPolicyOptions> configure) => Apply(configure, c => exportKit.ConfigurePolicy(c));

    /// <summary>Configures the default audit trail: an HMAC key for the hash chain, trusted proxies, header lengths. Validated at <see cref="Build"/>.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder ConfigureAudit(Action<AuditOptions> configure) => Apply(configure, c => exportKit.ConfigureAudit(c));

    /// <summary>Adds a category, or replaces the built-in definition of the same category.</summary>
    /// <param name="definition">The definition.</param>
    /// <returns>This builder.</returns>
    public ExportEngineBuilder AddCategory(ExportCategoryDefinition definition) => Apply(definition, d => exportKit.AddCategory(d));
}
