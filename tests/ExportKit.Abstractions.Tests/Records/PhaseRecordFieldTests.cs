namespace ExportKit.Abstractions.Tests.Records;

/// <summary>A host field named <c>tenantId</c> duplicated the key ExportKit writes for every record.</summary>
public sealed class PhaseRecordFieldTests
{
    [Theory]
    [InlineData("tenantId")]
    [InlineData("facilityId")]
    public void A_host_record_that_adds_a_field_ExportKit_adds_itself_is_refused_naming_record_and_field(string name)
    {
        var record = new HostRecord(name) { TenantId = "acme", FacilityId = "north" };

        var error = Assert.Throws<InvalidOperationException>(record.GetFields);

        Assert.Contains("Record 'host-1' of phase 52 (alerts)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"a field named '{name}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_record_with_other_names_gets_tenant_and_facility_once_at_the_end()
    {
        var record = new HostRecord("tenant") { TenantId = "acme", FacilityId = "north" };

        Assert.Equal(["note", "tenant", "tenantId", "facilityId"], record.GetFields().Select(f => f.Name));
    }

    [Fact]
    public void A_refused_record_leaves_nothing_behind_for_the_next_one()
    {
        // The fields are gathered in a list reused per thread: a record refused half-way must not leak into the next.
        Assert.Throws<InvalidOperationException>(new HostRecord("tenantId") { TenantId = "acme" }.GetFields);

        Assert.Equal(["note", "tenant", "tenantId", "facilityId"], new HostRecord("tenant") { TenantId = "acme" }.GetFields().Select(f => f.Name));
    }

    [Fact]
    public void A_record_whose_fields_embed_another_records_fields_gets_both_whole()
    {
        var inner = new HostRecord("inner") { TenantId = "acme", FacilityId = "north" };
        var outer = new EmbeddingRecord(inner) { TenantId = "acme", FacilityId = "south" };

        var fields = outer.GetFields();

        Assert.Equal(["before", "embedded", "after", "tenantId", "facilityId"], fields.Select(f => f.Name));
        Assert.Equal(["note", "inner", "tenantId", "facilityId"], ((IReadOnlyList<ExportField>)fields[1].Value!).Select(f => f.Name));
        Assert.Equal("south", fields[^1].Value);
    }

    [Fact]
    public void A_very_wide_record_then_a_narrow_one_each_get_exactly_their_fields()
    {
        var wide = new WideRecord(1_000) { TenantId = "acme" }.GetFields();
        var narrow = new HostRecord("tenant") { TenantId = "acme" }.GetFields();

        Assert.Equal(1_002, wide.Count);
        Assert.Equal(4, narrow.Count);
    }

    private sealed class EmbeddingRecord(PhaseRecord inner) : PhaseRecord
    {
        public override ExportPhase Phase => ExportPhase.Alerts;

        public override string RecordId => "outer-1";

        public override DateTimeOffset Timestamp => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        protected override void AddFields(IList<ExportField> fields)
        {
            fields.Add(new("before", 1));
            fields.Add(new("embedded", inner.GetFields().ToArray()));
            fields.Add(new("after", 2));
        }
    }

    private sealed class WideRecord(int count) : PhaseRecord
    {
        public override ExportPhase Phase => ExportPhase.Alerts;

        public override string RecordId => "wide-1";

        public override DateTimeOffset Timestamp => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        protected override void AddFields(IList<ExportField> fields)
        {
            for (var i = 0; i < count; i++)
            {
                fields.Add(new($"f{i}", i));
            }
        }
    }

    private sealed class HostRecord(string extraField) : PhaseRecord
    {
        private string ExtraField { get; } = extraField;

        public override ExportPhase Phase => ExportPhase.Alerts;

        public override string RecordId => "host-1";

        public override DateTimeOffset Timestamp => new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

        protected override void AddFields(IList<ExportField> fields)
        {
            fields.Add(new("note", "host data"));
            fields.Add(new(ExtraField, "other-tenant"));
        }
    }
}
