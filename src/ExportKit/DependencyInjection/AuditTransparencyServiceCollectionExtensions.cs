using ExportKit;
using ExportKit.Audit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the audit trail's transparency log (signed checkpoints and proofs) to ExportKit.</summary>
public static class AuditTransparencyServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAuditTransparencyLog"/> over the registered <see cref="IAuditTrail"/> (which must be
    /// ExportKit's <see cref="AuditTrail"/> over a store that keeps the tree: the in-memory or SQLite store). The options
    /// are validated at start-up. Calling it again only adds the configuration. Not part of the engine (the export engine
    /// builder has no counterpart): call it beside <c>AddExportKit()</c>.
    /// </summary>
    /// <param name="services">The service collection, with <c>AddExportKit()</c> (or a host's audit registrations).</param>
    /// <param name="configure">Sets the signing key and, optionally, the origin.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddAuditTransparencyLog(this IServiceCollection services, Action<AuditTransparencyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<AuditTransparencyOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditTransparencyOptions>, AuditTransparencyOptionsValidator>());
        services.TryAddSingleton<IAuditTransparencyLog>(sp => new AuditTransparencyLog(
            sp.GetRequiredService<IAuditTrail>() as AuditTrail ?? throw new InvalidOperationException(
                "The transparency log needs ExportKit's AuditTrail as the IAuditTrail service: remove the host's own IAuditTrail registration or register IAuditTransparencyLog yourself."),
            sp.GetRequiredService<IOptions<AuditTransparencyOptions>>().Value));
        return services;
    }

    private sealed class AuditTransparencyOptionsValidator : IValidateOptions<AuditTransparencyOptions>
    {
        public ValidateOptionsResult Validate(string? name, AuditTransparencyOptions options)
        {
            var problems = options.Validate();
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
