namespace ExportKit.Abstractions.Tests;

/// <summary>
/// Regression (issue 9, "honest models"): the models were records holding lists and sets, so two identical principals,
/// decisions or audit events compared unequal (a record compares a list by reference). Now they compare contents:
/// equal contents are equal with the same hash code; one element different is not equal.
/// </summary>
public sealed class ModelEqualityTests
{
    private static readonly DateTimeOffset At = new(2026, 1, 31, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Principals_compare_roles_and_permissions_as_sets()
    {
        AssertValueEquality(
            () => new ExportPrincipal("lee", "acme", ["auditor", "admin"], ["export:long-range"]) { FederationId = "fed" },
            new ExportPrincipal("lee", "acme", ["ADMIN", "auditor"], ["export:long-range"]) { FederationId = "fed" },
            new ExportPrincipal("lee", "acme", ["auditor", "operator"], ["export:long-range"]) { FederationId = "fed" });
        Assert.NotEqual(
            new ExportPrincipal("lee", "acme", permissions: ["export:long-range"]),
            new ExportPrincipal("lee", "acme", permissions: ["EXPORT:LONG-RANGE"]));
    }

    [Fact]
    public void Decisions_compare_violations_and_warnings_in_order()
    {
        static PolicyDecision Decision(params string[] violations) => new() { Allowed = false, Reason = "r", Violations = violations, Warnings = ["w"] };

        AssertValueEquality(() => Decision("a", "b"), Decision("a", "b"), Decision("a", "c"));
        Assert.NotEqual(Decision("a", "b"), Decision("b", "a"));
        Assert.NotEqual(Decision("a"), new PolicyDecision { Allowed = false, Reason = "r", Violations = ["a"], Warnings = ["other"] });
    }

    [Fact]
    public void Audit_events_compare_their_diff_in_order()
    {
        static AuditEvent Event(string after) => new()
        {
            Id = "aud_1", Sequence = 1, Timestamp = At, EventType = "user.updated", Severity = AuditSeverity.Info, ActorType = AuditActorType.User,
            UserId = "lee", TenantId = "acme", Request = new RequestMetadata { IpAddress = "203.0.113.7" },
            Diff = [new AuditChange("a", AuditChangeKind.Changed, "1", "2"), new AuditChange("b", AuditChangeKind.Added, null, after)],
            PreviousHash = new string('0', 64), Hash = new string('a', 64),
        };

        AssertValueEquality(() => Event("3"), Event("3"), Event("4"));
    }

    [Fact]
    public void Registry_records_compare_their_sections_in_order()
    {
        static ExportRecord Record(params string[] sections) => new()
        {
            ExportId = "exp_1", BundleId = "bnd_1", TenantId = "acme", Category = "compliance-pack", Format = "json", Sections = sections,
            SizeBytes = 10, Sha256 = new string('b', 64), CreatedAt = At, CreatedBy = "lee",
        };

        AssertValueEquality(() => Record("a", "b"), Record("a", "b"), Record("a", "x"));
    }

    [Fact]
    public void Scopes_and_time_ranges_compare_by_value()
    {
        AssertValueEquality(() => new ExportScope("acme", "f1", "fed"), new ExportScope("acme", "f1", "fed"), new ExportScope("acme", "f2", "fed"));
        AssertValueEquality(
            () => new ExportTimeRange(At, At.AddDays(1)),
            new ExportTimeRange(At.ToOffset(TimeSpan.FromHours(2)), At.AddDays(1)),
            new ExportTimeRange(At, At.AddDays(2)));
    }

    [Fact]
    public void Metadata_compares_its_data_sources_in_order()
    {
        static ExportMetadata Metadata(params string[] sources) => new()
        {
            GeneratedAt = At, GeneratedBy = "lee", Format = ExportFormat.Json, TotalSections = 2, TotalItems = 3, DataSourcesUsed = sources,
            TimeRange = new ExportTimeRange(At.AddDays(-30), At), ComputationTimeMs = 4, Compressed = false,
        };

        AssertValueEquality(() => Metadata("p50", "p51"), Metadata("p50", "p51"), Metadata("p50", "p52"));
    }

    [Fact]
    public void Phase_records_compare_their_references_and_fields()
    {
        static PhaseRecord Insight(double metric, params string[] references) => new ExecutiveInsight
        {
            InsightId = "ins-1", TenantId = "acme", Category = "compliance", Severity = "warning", Summary = "s",
            Metrics = new Dictionary<string, double> { ["a"] = 1, ["b"] = metric }, GeneratedAt = At, References = references,
        };

        AssertValueEquality(() => Insight(2, "r1", "r2"), Insight(2, "r1", "r2"), Insight(3, "r1", "r2"));
        Assert.NotEqual(Insight(2, "r1", "r2"), Insight(2, "r1", "r3"));
        Assert.NotEqual<PhaseRecord>(
            new AuditFinding { AuditFindingId = "x", TenantId = "acme", Severity = "s", Category = "c", Status = "open", Description = "d", FoundAt = At },
            new AuditFinding { AuditFindingId = "x", TenantId = "globex", Severity = "s", Category = "c", Status = "open", Description = "d", FoundAt = At });
    }

    [Fact]
    public void A_phase_record_whose_fields_cannot_be_made_is_equal_only_to_itself_and_equality_does_not_throw()
    {
        var signal = new RealTimeSignal { SignalId = "s", TenantId = "acme", Metric = "m", Value = double.NaN, Unit = "u", Severity = "info", ReadAt = At };
        var twin = new RealTimeSignal { SignalId = "s", TenantId = "acme", Metric = "m", Value = double.NaN, Unit = "u", Severity = "info", ReadAt = At };

        Assert.Equal(signal, signal);
        Assert.NotEqual(signal, twin);
    }

    private static void AssertValueEquality<T>(Func<T> make, T equal, T different)
        where T : class, IEquatable<T>
    {
        var value = make();

        Assert.True(value.Equals(equal));
        Assert.True(value.Equals((object)equal));
        Assert.Equal(value.GetHashCode(), equal.GetHashCode());
        Assert.False(value.Equals(different));
        Assert.False(value.Equals(null));
        Assert.True(EqualityOperators(value, equal, different));
    }

    private static bool EqualityOperators<T>(T value, T equal, T different)
    {
        var type = typeof(T);
        var eq = type.GetMethod("op_Equality") ?? throw new InvalidOperationException($"{type.Name} has no == operator.");
        var ne = type.GetMethod("op_Inequality") ?? throw new InvalidOperationException($"{type.Name} has no != operator.");
        return (bool)eq.Invoke(null, [value, equal])! && !(bool)eq.Invoke(null, [value, different])! && (bool)ne.Invoke(null, [value, different])!;
    }
}
