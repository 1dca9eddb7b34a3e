using ExportKit.Testing;

namespace ExportKit.Audit.Tests;

/// <summary>Log entries for tests, with defaults that a test overrides where it matters.</summary>
internal static class LogEntries
{
    public static ExportGeneratedEntry Generated(
        DateTimeOffset? at = null, string tenant = "acme", string category = "compliance-pack", string format = "json",
        long sizeBytes = 1000, long generationTimeMs = 100, string bundleId = "bundle-1", string by = "user-1") => new()
        {
            Timestamp = at ?? TestClock.Now.AddHours(-1),
            TenantId = tenant,
            ExportId = "export-" + bundleId,
            BundleId = bundleId,
            Category = category,
            Format = format,
            SectionsGenerated = 3,
            ItemsIncluded = 42,
            SizeBytes = sizeBytes,
            GenerationTimeMs = generationTimeMs,
            GeneratedBy = by,
        };

    public static ExportDownloadedEntry Downloaded(DateTimeOffset? at = null, string tenant = "acme", string fileName = "bundle-1.json") => new()
    {
        Timestamp = at ?? TestClock.Now.AddHours(-1),
        TenantId = tenant,
        BundleId = "bundle-1",
        Format = "json",
        FileName = fileName,
        SizeBytes = 1000,
        DownloadedBy = "user-2",
    };

    public static PolicyDecisionEntry Decision(DateTimeOffset? at = null, bool allowed = true, string reason = "All policy checks passed", params string[] violations) => new()
    {
        Timestamp = at ?? TestClock.Now.AddHours(-1),
        TenantId = "acme",
        QueryId = "query-1",
        Decision = new PolicyDecision { Allowed = allowed, Reason = reason, Violations = violations, Warnings = [] },
        RequestedBy = "user-1",
    };

    public static ExportErrorEntry Error(DateTimeOffset? at = null, string message = "Source phase-51 timed out") => new()
    {
        Timestamp = at ?? TestClock.Now.AddHours(-1),
        TenantId = "acme",
        QueryId = "query-2",
        ErrorCode = "GENERATION_FAILED",
        Message = message,
        RequestedBy = "user-1",
    };

    /// <summary>A small log with one entry of every type, two tenants, a facility, a federation and error details.</summary>
    public static IReadOnlyList<ExportLogEntry> SmallLog() =>
    [
        new PolicyDecisionEntry
        {
            Timestamp = TestClock.Now.AddHours(-3),
            TenantId = "acme",
            FacilityId = "f1",
            QueryId = "query_0001",
            Decision = new PolicyDecision { Allowed = true, Reason = "All policy checks passed", Violations = [], Warnings = ["Export contains data older than 90 days"] },
            RequestedBy = "dana",
        },
        new ExportGeneratedEntry
        {
            Timestamp = TestClock.Now.AddHours(-3).AddSeconds(2),
            TenantId = "acme",
            FacilityId = "f1",
            ExportId = "export_0001",
            BundleId = "bundle-3f9a",
            Category = "compliance-pack",
            Format = "csv",
            SectionsGenerated = 3,
            ItemsIncluded = 128,
            SizeBytes = 64_000,
            GenerationTimeMs = 250,
            RecordsDropped = 1,
            GeneratedBy = "dana",
        },
        new ExportDownloadedEntry
        {
            Timestamp = TestClock.Now.AddHours(-2),
            TenantId = "acme",
            BundleId = "bundle-3f9a",
            Format = "csv",
            FileName = "compliance-pack_bundle-3f9a.csv",
            SizeBytes = 64_000,
            DownloadedBy = "auditor-1",
        },
        new PolicyDecisionEntry
        {
            Timestamp = TestClock.Now.AddHours(-1),
            TenantId = "globex",
            QueryId = "query_0002",
            FederationId = "fed-eu",
            Decision = new PolicyDecision
            {
                Allowed = false,
                Reason = "Cross-tenant export denied; Format auditor-package requires the auditor role",
                Violations = ["Cross-tenant export denied", "Format auditor-package requires the auditor role"],
                Warnings = [],
            },
            RequestedBy = "mallory",
        },
        new ExportErrorEntry
        {
            Timestamp = TestClock.Now.AddMinutes(-5),
            QueryId = "query_0003",
            ErrorCode = "GENERATION_FAILED",
            Message = "Source \"drift\" failed: timeout",
            Details = "System.TimeoutException",
            RequestedBy = "anonymous",
        },
    ];

    public static async Task<InMemoryExportLogStore> StoreWith(IEnumerable<ExportLogEntry> entries)
    {
        var store = new InMemoryExportLogStore();
        foreach (var entry in entries)
        {
            await store.AppendAsync(entry);
        }

        return store;
    }

    public static async Task<List<ExportLogEntry>> ReadAll(IExportLogStore store, ExportLogFilter? filter = null)
    {
        var entries = new List<ExportLogEntry>();
        await foreach (var entry in store.ReadAsync(filter))
        {
            entries.Add(entry);
        }

        return entries;
    }
}
