using ExportKit.Jobs;
using ExportKit.Storage.Contracts;

namespace ExportKit.Tests.Jobs;

public sealed class InMemoryExportJobStoreContract : ExportJobStoreContract
{
    protected override IExportJobStore CreateStore() => new InMemoryExportJobStore();
}
