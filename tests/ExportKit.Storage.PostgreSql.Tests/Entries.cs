using ExportKit.Testing;

namespace ExportKit.Storage.PostgreSql.Tests;

internal static class Entries
{
    public static ExportDownloadedEntry Downloaded(int n) => new()
    {
        Timestamp = TestClock.Now.AddMinutes(n),
        TenantId = "acme",
        BundleId = $"bnd_{n}",
        Format = "json",
        FileName = $"bnd_{n}.json",
        SizeBytes = n,
        DownloadedBy = "dana",
    };

    public static ExportRecord Record(int n) => new()
    {
        ExportId = $"exp_{n:D4}",
        BundleId = $"bnd_{n:D4}",
        TenantId = "acme",
        Category = "compliance-pack",
        Format = "zip",
        Sections = ["incidents"],
        SizeBytes = n,
        Sha256 = new string('a', 64),
        CreatedAt = TestClock.Now.AddMinutes(n),
        CreatedBy = "dana",
    };
}
