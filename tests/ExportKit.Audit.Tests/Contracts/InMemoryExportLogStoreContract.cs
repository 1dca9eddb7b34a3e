using ExportKit.Storage.Contracts;

namespace ExportKit.Audit.Tests.Contracts;

public sealed class InMemoryExportLogStoreContract : ExportLogStoreContract
{
    protected override IExportLogStore CreateStore() => new InMemoryExportLogStore();
}
