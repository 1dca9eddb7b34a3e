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
