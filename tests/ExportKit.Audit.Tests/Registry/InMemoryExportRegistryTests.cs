using ExportKit.Storage.Contracts;

namespace ExportKit.Audit.Tests.Registry;

// The behaviour every registry shares is in InMemoryExportRegistryContract; these are the in-memory registry's own rules.
public sealed class InMemoryExportRegistryTests
{
    [Fact]
    public async Task An_export_id_is_recorded_once_per_tenant()
    {
        var registry = new InMemoryExportRegistry();
        await registry.AddAsync(ExportRegistryContract.Record(1));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => registry.AddAsync(ExportRegistryContract.Record(1).With(it => it.SizeBytes, 1)).AsTask());
        await registry.AddAsync(ExportRegistryContract.Record(1, tenant: "globex"));

        Assert.Contains("never changed", error.Message, StringComparison.Ordinal);
        Assert.Equal(1000, (await registry.FindAsync("acme", "exp_0001"))!.SizeBytes);
    }

    [Fact]
    public async Task Records_of_the_same_instant_list_the_last_added_first()
    {
        var registry = new InMemoryExportRegistry();
        var at = Testing.TestClock.Now;
        await registry.AddAsync(ExportRegistryContract.Record(1, at: at));
        await registry.AddAsync(ExportRegistryContract.Record(2, at: at));
        await registry.AddAsync(ExportRegistryContract.Record(3, at: at.AddDays(-1)));

        var ids = new List<string>();
        await foreach (var record in registry.ListAsync("acme"))
        {
            ids.Add(record.ExportId);
        }

        Assert.Equal(["exp_0002", "exp_0001", "exp_0003"], ids);
    }

    [Fact]
    public async Task Rejects_bad_arguments_when_called()
    {
        var registry = new InMemoryExportRegistry();

        Assert.Throws<ArgumentOutOfRangeException>("limit", () => registry.ListAsync("acme", limit: 0));
        Assert.Throws<ArgumentOutOfRangeException>("offset", () => registry.ListAsync("acme", offset: -1));
        Assert.Throws<ArgumentException>("tenantId", () => registry.ListAsync(" "));
        await Assert.ThrowsAsync<ArgumentNullException>("record", () => registry.AddAsync(null!).AsTask());
    }
}
