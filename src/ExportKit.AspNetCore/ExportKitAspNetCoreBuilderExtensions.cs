using ExportKit.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures ExportKit's ASP.NET Core endpoints.</summary>
public static class ExportKitAspNetCoreBuilderExtensions
{
    private const long MaxDirectExportBytes = 256L * 1024 * 1024;

    /// <summary>Configures how <c>MapExportKit</c> maps the caller to an <see cref="ExportKit.ExportPrincipal"/>.</summary>
    /// <param name="builder">The builder of <c>AddExportKit()</c>.</param>
    /// <param name="configure">Changes the options; or <see langword="null"/> for the defaults.</param>
    /// <returns>The builder.</returns>
    public static IExportKitBuilder AddAspNetCore(this IExportKitBuilder builder, Action<ExportKitAspNetCoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Services.AddOptions<ExportKitAspNetCoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(
            o => o.DirectExportMaxBytes is >= 1 and <= MaxDirectExportBytes,
            $"ExportKitAspNetCoreOptions.DirectExportMaxBytes must be from 1 to {MaxDirectExportBytes} bytes (256 MiB): a direct export is held in memory; make larger exports jobs.")
            .ValidateOnStart();

        return builder;
    }
}
