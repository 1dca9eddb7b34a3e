using ExportKit.Testing;

namespace ExportKit.Storage.Contracts;

/// <summary>
/// What every <see cref="IExportLogStore"/> must do: keep each entry type with its fields, read back oldest first in the
/// order appended, and apply <see cref="ExportLogFilter"/> exactly as <see cref="ExportLogFilter.Matches"/> does.
/// </summary>
public abstract class ExportLogStoreContract : StoreContract<IExportLogStore>
{
    private static readonly DateTimeOffset Start = TestClock.Now.AddHours(-4);

    /// <summary>One entry of every type, two tenants and one without, an hour apart.</summary>
    private static IReadOnlyList<ExportLogEntry> Log() =>
    [
        new PolicyDecisionEntry
        {
            Timestamp = Start,
            TenantId = "acme",
            FacilityId = "f1",
            QueryId = "qry_0001",
            Decision = new PolicyDecision { Allowed = true, Reason = "All policy checks passed", Violations = [], Warnings = ["Export contains data older than 90 days"] },
            RequestedBy = "dana",
        },
        new ExportGeneratedEntry
        {
            Timestamp = Start.AddHours(1),
            TenantId = "acme",
            FacilityId = "f1",
            ExportId = "exp_0001",
            BundleId = "bnd_3f9a",
            Category = "compliance-pack",
            Format = "csv",
            SectionsGenerated = 3,
            ItemsIncluded = 128,
            SizeBytes = 64_000,
            GenerationTimeMs = 250,
            RecordsDropped = 1,
            GeneratedBy = "dana",
            DataSources = ["Phase 50: Audit & Governance Engine", "Phase 51: Drift Detection Engine"],
        },
        new ExportDownloadedEntry
        {
            Timestamp = Start.AddHours(2),
            TenantId = "acme",
            BundleId = "bnd_3f9a",
            Format = "csv",
            FileName = "compliance-pack_bnd_3f9a.csv",
            SizeBytes = 64_000,
            DownloadedBy = "auditor-1",
        },
        new PolicyDecisionEntry
        {
            Timestamp = Start.AddHours(3),
            TenantId = "globex",
            QueryId = "qry_0002",
            FederationId = "fed-eu",
            Decision = new PolicyDecision
            {
                Allowed = false,
                Reason = "Cross-tenant export denied",
                Violations = ["Cross-tenant export denied"],
                Warnings = [],
            },
            RequestedBy = "mallory",
        },
        new ExportErrorEntry
        {
            Timestamp = Start.AddHours(4),
            QueryId = "qry_0003",
            ErrorCode = "GENERATION_FAILED",
            Message = "Source \"drift\" failed: timeout",
            Details = "System.TimeoutException",
            RequestedBy = "anonymous",
        },
    ];

    private async Task<IExportLogStore> StoreWithLog()
    {
        var store = NewStore();
        foreach (var entry in Log())
        {
            await store.AppendAsync(entry);
        }

        return store;
    }

    private static Task<List<ExportLogEntry>> Read(IExportLogStore store, ExportLogFilter? filter = null) =>
        store.ReadAsync(filter).ToListAsync();

    /// <summary>Entries are records whose lists compare by reference, so compare them by their JSON form.</summary>
    private static void AssertSameEntries(IEnumerable<ExportLogEntry> expected, IEnumerable<ExportLogEntry> actual) =>
        Assert.Equal(expected.Select(Json), actual.Select(Json));

    private static string Json(ExportLogEntry entry) =>
        entry.GetType().Name + System.Text.Json.JsonSerializer.Serialize(entry, entry.GetType(), System.Text.Json.JsonSerializerOptions.Web);

    [ContractFact]
    public async Task An_empty_store_reads_nothing()
    {
        Assert.Empty(await Read(NewStore()));
    }

    [ContractFact]
    public async Task Reads_every_entry_back_oldest_first_with_its_type_and_fields()
    {
        var store = await StoreWithLog();

        var entries = await Read(store);

        AssertSameEntries(Log(), entries);
        Assert.Equal(
            [typeof(PolicyDecisionEntry), typeof(ExportGeneratedEntry), typeof(ExportDownloadedEntry), typeof(PolicyDecisionEntry), typeof(ExportErrorEntry)],
            entries.Select(e => e.GetType()));
    }

    [ContractFact]
    public async Task Entries_with_the_same_timestamp_keep_the_order_appended()
    {
        var store = NewStore();
        var entries = Log().Select(e => e with { Timestamp = TestClock.Now }).Reverse().ToList();
        foreach (var entry in entries)
        {
            await store.AppendAsync(entry);
        }

        AssertSameEntries(entries, await Read(store));
    }

    [ContractFact]
    public async Task Filters_by_tenant_and_an_entry_without_a_tenant_matches_no_tenant_filter()
    {
        var store = await StoreWithLog();

        AssertSameEntries(Log().Take(3), await Read(store, new ExportLogFilter { TenantId = "acme" }));
        AssertSameEntries([Log()[3]], await Read(store, new ExportLogFilter { TenantId = "globex" }));
        Assert.Empty(await Read(store, new ExportLogFilter { TenantId = "ACME" }));
    }

    [ContractFact]
    public async Task Filters_by_entry_type()
    {
        var store = await StoreWithLog();

        AssertSameEntries([Log()[0], Log()[3]], await Read(store, new ExportLogFilter { EntryType = ExportLogEntryTypes.PolicyDecision }));
        AssertSameEntries([Log()[4]], await Read(store, new ExportLogFilter { EntryType = ExportLogEntryTypes.Error }));
        Assert.Empty(await Read(store, new ExportLogFilter { EntryType = "unknown" }));
    }

    [ContractFact]
    public async Task From_is_included_and_to_excluded()
    {
        var store = await StoreWithLog();

        AssertSameEntries(Log().Skip(1).Take(2), await Read(store, new ExportLogFilter { From = Start.AddHours(1), To = Start.AddHours(3) }));
        AssertSameEntries(Log().Skip(4), await Read(store, new ExportLogFilter { From = Start.AddHours(4) }));
        AssertSameEntries(Log().Take(1), await Read(store, new ExportLogFilter { To = Start.AddHours(1) }));
        Assert.Empty(await Read(store, new ExportLogFilter { From = Start.AddHours(2), To = Start.AddHours(2) }));
    }

    [ContractFact]
    public async Task Filters_combine_and_agree_with_Matches()
    {
        var store = await StoreWithLog();
        ExportLogFilter[] filters =
        [
            new() { TenantId = "acme", EntryType = ExportLogEntryTypes.ExportGenerated },
            new() { TenantId = "acme", From = Start.AddMinutes(30), To = Start.AddHours(10) },
            new() { EntryType = ExportLogEntryTypes.PolicyDecision, From = Start.AddHours(1).ToOffset(TimeSpan.FromHours(-5)) },
            new() { TenantId = "globex", EntryType = ExportLogEntryTypes.ExportDownloaded },
        ];

        foreach (var filter in filters)
        {
            AssertSameEntries(Log().Where(filter.Matches), await Read(store, filter));
        }
    }
}
