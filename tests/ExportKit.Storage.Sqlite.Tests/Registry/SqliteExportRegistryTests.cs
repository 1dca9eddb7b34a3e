namespace ExportKit.Storage.Sqlite.Tests.Registry;

public sealed class SqliteExportRegistryTests : IDisposable
{
    private readonly TempDatabase database = new();

    public void Dispose() => database.Dispose();

    [Fact]
    public async Task A_record_round_trips_every_field()
    {
        var registry = new SqliteExportRegistry(database.ConnectionString);
        var full = ExportRecords.Create("exp_1");
        var minimal = ExportRecords.Create("exp_2").With(it => it.RunId, null).With(it => it.StoragePath, null).With(it => it.Sections, []);

        await registry.AddAsync(full);
        await registry.AddAsync(minimal);

        ExportRecords.AssertSame(full, await registry.FindAsync("acme", "exp_1"));
        ExportRecords.AssertSame(minimal, await registry.FindAsync("acme", "exp_2"));
    }

    [Fact]
    public async Task Find_is_scoped_to_the_tenant()
    {
        var registry = new SqliteExportRegistry(database.ConnectionString);
        await registry.AddAsync(ExportRecords.Create("exp_1", tenantId: "globex"));

        Assert.Null(await registry.FindAsync("acme", "exp_1"));
        Assert.NotNull(await registry.FindAsync("globex", "exp_1"));
    }

    [Fact]
    public async Task The_list_is_newest_first_then_by_export_id_and_pages()
    {
        var registry = new SqliteExportRegistry(database.ConnectionString);
        var start = ExportRecords.Start;
        await registry.AddAsync(ExportRecords.Create("exp_b", createdAt: start.AddHours(1)));
        await registry.AddAsync(ExportRecords.Create("exp_old", createdAt: start));
        await registry.AddAsync(ExportRecords.Create("exp_a", createdAt: start.AddHours(1)));
        await registry.AddAsync(ExportRecords.Create("exp_new", createdAt: start.AddHours(2)));
        await registry.AddAsync(ExportRecords.Create("exp_other", tenantId: "globex", createdAt: start.AddHours(3)));

        var all = await registry.ListAsync("acme").ToListAsync();
        var page = await registry.ListAsync("acme", limit: 2, offset: 1).ToListAsync();

        Assert.Equal(["exp_new", "exp_a", "exp_b", "exp_old"], all.Select(r => r.ExportId));
        Assert.Equal(["exp_a", "exp_b"], page.Select(r => r.ExportId));
    }

    [Theory]
    [InlineData(0, 0, "limit must be from 1 to 1000.")]
    [InlineData(1001, 0, "limit must be from 1 to 1000.")]
    [InlineData(10, -1, "offset must be 0 or more.")]
    public void A_page_out_of_range_is_refused_at_once_with_the_allowed_range(int limit, int offset, string message)
    {
        var registry = new SqliteExportRegistry(database.ConnectionString);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => registry.ListAsync("acme", limit, offset));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_id_recorded_twice_is_refused_and_the_first_record_kept()
    {
        var registry = new SqliteExportRegistry(database.ConnectionString);
        await registry.AddAsync(ExportRecords.Create("exp_1"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            async () => await registry.AddAsync(ExportRecords.Create("exp_1").With(it => it.Sha256, "changed")));

        Assert.Contains("exp_1", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExportRecords.Create("exp_1").Sha256, (await registry.FindAsync("acme", "exp_1"))!.Sha256);
    }

    [Fact]
    public async Task A_second_registry_on_the_same_file_sees_the_records()
    {
        await new SqliteExportRegistry(database.ConnectionString).AddAsync(ExportRecords.Create("exp_1"));
        database.ClosePool();

        var reopened = new SqliteExportRegistry(database.ConnectionString);

        ExportRecords.AssertSame(ExportRecords.Create("exp_1"), Assert.Single(await reopened.ListAsync("acme").ToListAsync()));
    }
}
