using ExportKit.Storage.Contracts;

namespace ExportKit.Audit.Tests.Contracts;

public sealed class InMemoryExportRegistryContract : ExportRegistryContract
{
    protected override IExportRegistry CreateStore() => new InMemoryExportRegistry();
}
