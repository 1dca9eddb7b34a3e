namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Configures ExportKit in a service collection; returned by <c>AddExportKit</c>. Packages add <c>AddXxx</c> extensions to it.</summary>
public interface IExportKitBuilder
{
    /// <summary>Gets the service collection ExportKit is registered in.</summary>
    IServiceCollection Services { get; }
}
