using ExportKit.Testing;

namespace ExportKit.Storage.Contracts;

/// <summary>
/// What every <see cref="IExportRegistry"/> must do: keep a record with all its fields, find it only in its tenant, and
/// list a tenant's records newest first (latest <see cref="ExportRecord.CreatedAt"/> first) with limit (1 to 1000) and offset (0 or more).
/// </summary>
public abstract class ExportRegistryContract : StoreContract<IExportRegistry>
{
    public static ExportRecord Record(int n, string tenant = "acme", DateTimeOffset? at = null) => new()
    {
        ExportId = $"exp_{n:D4}",
        BundleId = $"bnd_{n:D4}",
        TenantId = tenant,
        RunId = n % 2 == 0 ? $"run_{n}" : null,
        Category = "compliance-pack",
        Format = "zip",
        Sections = ["incidents", "drift", "evidence"],
        StoragePath = n % 2 == 0 ? $"projects/p1/exports/local-zip-run_{n}.zip" : null,
        SizeBytes = 1000L * n,
        Sha256 = new string((char)('a' + (n % 6)), 64),
        CreatedAt = at ?? TestClock.Now.AddMinutes(n),
        CreatedBy = "user-1",
    };

    private static void AssertSame(ExportRecord expected, ExportRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.With(it => it.Sections, []), actual.With(it => it.Sections, []));
        Assert.Equal(expected.Sections, actual.Sections);
    }

    private async Task<IExportRegistry> RegistryWith(params ExportRecord[] records)
    {
        var registry = NewStore();
        foreach (var record in records)
        {
            await registry.AddAsync(record);
        }

        return registry;
    }

    private static async Task<List<string>> List(IExportRegistry registry, string tenant, int limit = 50, int offset = 0) =>
        (await registry.ListAsync(tenant, limit, offset).ToListAsync()).Select(r => r.ExportId).ToList();

    [ContractFact]
    public async Task Recording_the_same_export_again_changes_nothing_and_a_different_one_is_refused()
    {
        var registry = NewStore();
        await registry.AddAsync(Record(1));

        await registry.AddAsync(Record(1).With(it => it.Sections, [.. Record(1).Sections]));
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => registry.AddAsync(Record(1).With(it => it.Sha256, new string('0', 64))).AsTask());

        Assert.Contains("exp_0001", error.Message, StringComparison.Ordinal);
        var listed = Assert.Single(await registry.ListAsync("acme").ToListAsync());
        Assert.Equal(Record(1), listed);
    }

    [ContractFact]
    public async Task Finds_a_record_with_every_field_kept()
    {
        var registry = await RegistryWith(Record(1), Record(2));

        AssertSame(Record(1), await registry.FindAsync("acme", "exp_0001"));
        AssertSame(Record(2), await registry.FindAsync("acme", "exp_0002"));
        Assert.Null(await registry.FindAsync("acme", "exp_0003"));
    }

    [ContractFact]
    public async Task Finds_and_lists_only_the_tenants_own_records()
    {
        var registry = await RegistryWith(Record(1), Record(2, tenant: "globex"));

        Assert.Null(await registry.FindAsync("acme", "exp_0002"));
        Assert.Equal(["exp_0001"], await List(registry, "acme"));
        Assert.Equal(["exp_0002"], await List(registry, "globex"));
        Assert.Empty(await List(registry, "initech"));
    }

    [ContractFact]
    public async Task Lists_newest_first_whatever_the_order_added()
    {
        var registry = await RegistryWith(Record(2), Record(3), Record(1));

        Assert.Equal(["exp_0003", "exp_0002", "exp_0001"], await List(registry, "acme"));
    }

    [ContractFact]
    public async Task Lists_a_page_with_limit_and_offset()
    {
        var registry = await RegistryWith([.. Enumerable.Range(1, 7).Select(n => Record(n))]);

        Assert.Equal(["exp_0007", "exp_0006", "exp_0005"], await List(registry, "acme", limit: 3));
        Assert.Equal(["exp_0004", "exp_0003", "exp_0002"], await List(registry, "acme", limit: 3, offset: 3));
        Assert.Equal(["exp_0001"], await List(registry, "acme", limit: 3, offset: 6));
        Assert.Empty(await List(registry, "acme", limit: 3, offset: 7));
        Assert.Equal(7, (await List(registry, "acme", limit: 1000)).Count);
    }

    [ContractTheory]
    [InlineData(0, 0, "limit")]
    [InlineData(1001, 0, "limit")]
    [InlineData(-1, 0, "limit")]
    [InlineData(10, -1, "offset")]
    public async Task Rejects_a_limit_outside_1_to_1000_or_a_negative_offset(int limit, int offset, string paramName)
    {
        var registry = await RegistryWith(Record(1));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(paramName, async () => await List(registry, "acme", limit, offset));
    }
}
