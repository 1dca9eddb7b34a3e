namespace ExportKit.Storage.Sqlite.Tests.Registry;

internal static class ExportRecords
{
    public static readonly DateTimeOffset Start = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(7_654_321);

    public static ExportRecord Create(string exportId, string tenantId = "acme", DateTimeOffset? createdAt = null) => new()
    {
        ExportId = exportId,
        BundleId = "bnd_" + exportId,
        TenantId = tenantId,
        RunId = "run-3",
        Category = "compliance-reports",
        Format = "zip",
        Sections = ["summary", "incidents", "audit"],
        StoragePath = "/var/exports/" + exportId + ".zip",
        SizeBytes = 5_000_000_000,
        Sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        CreatedAt = createdAt ?? Start,
        CreatedBy = "user-1",
    };

    public static void AssertSame(ExportRecord expected, ExportRecord? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.With(it => it.Sections, []), actual.With(it => it.Sections, []));
        Assert.Equal(expected.Sections, actual.Sections);
    }
}
