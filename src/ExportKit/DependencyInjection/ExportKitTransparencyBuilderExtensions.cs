using ExportKit;
using ExportKit.Audit;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the audit trail's transparency log (signed checkpoints and proofs) to ExportKit.</summary>
public static class ExportKitTransparencyBuilderExtensions
{
    /// <summary>
    /// Registers <see cref="IAuditTransparencyLog"/> over the registered <see cref="IAuditTrail"/> (which must be
    /// ExportKit's <see cref="AuditTrail"/> over a store that keeps the tree: the in-memory or SQLite store). The options
    /// are validated at start-up. Calling it again only adds the configuration.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets the signing key and, optionally, the origin.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddAuditTransparencyLog(this IExportKitBuilder builder, Action<AuditTransparencyOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddOptions<AuditTransparencyOptions>().Configure(configure).ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AuditTransparencyOptions>, AuditTransparencyOptionsValidator>());
        builder.Services.TryAddSingleton<IAuditTransparencyLog>(sp => new AuditTransparencyLog(
            sp.GetRequiredService<IAuditTrail>() as AuditTrail ?? throw new InvalidOperationException(
                "The transparency log needs ExportKit's AuditTrail as the IAuditTrail service: remove the host's own IAuditTrail registration or register IAuditTransparencyLog yourself."),
            sp.GetRequiredService<IOptions<AuditTransparencyOptions>>().Value));
        return builder;
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
