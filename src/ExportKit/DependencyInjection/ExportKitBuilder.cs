namespace Microsoft.Extensions.DependencyInjection;

internal sealed class ExportKitBuilder(IServiceCollection services) : IExportKitBuilder
{
    public IServiceCollection Services { get; } = services;
}
