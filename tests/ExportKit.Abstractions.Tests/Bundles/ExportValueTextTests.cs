using System.Globalization;

namespace ExportKit.Abstractions.Tests.Bundles;

public sealed class ExportValueTextTests
{
    [Fact]
    public void Values_format_the_same_under_any_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal("0.5", ExportValueText.ToInvariantString(0.5));
            Assert.Equal("1234.5", ExportValueText.ToInvariantString(1234.5m));
            Assert.Equal("2026-03-01T11:00:00.0000000Z", ExportValueText.ToInvariantString(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.FromHours(1))));
            Assert.Equal("{a=1; b=true}", ExportValueText.ToInvariantString(new ExportField[] { new("a", 1), new("b", true) }));
            Assert.Equal(string.Empty, ExportValueText.ToInvariantString(null));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    public static TheoryData<object> Scalars => new() { true, false, int.MinValue, long.MaxValue, -0.1, double.Epsilon, 1e300, decimal.MinValue, 79228162514264337593543950335m, new DateTimeOffset(9999, 12, 31, 9, 59, 59, TimeSpan.FromHours(-14)) };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Formatting_into_a_buffer_gives_the_same_text(object value)
    {
        Span<char> buffer = stackalloc char[64];

        Assert.True(ExportValueText.TryFormatScalar(value, buffer, out var length));

        Assert.Equal(ExportValueText.ToInvariantString(value), buffer[..length].ToString());
    }

    [Fact]
    public void Only_scalars_format_into_a_buffer_and_short_buffers_say_so()
    {
        Span<char> small = stackalloc char[3];

        Assert.False(ExportValueText.TryFormatScalar("text", stackalloc char[64], out _));
        Assert.False(ExportValueText.TryFormatScalar(12345L, small, out _));
        Assert.False(ExportValueText.TryFormatInstant(DateTimeOffset.UnixEpoch, small, out _));
        Assert.Equal(ExportValueText.InstantLength, ExportValueText.FormatInstant(DateTimeOffset.UnixEpoch).Length);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tA", "'\tA")]
    [InlineData("\rA", "'\rA")]
    [InlineData("safe", "safe")]
    [InlineData("", "")]
    public void Formula_cells_are_neutralised(string cell, string expected)
    {
        Assert.Equal(expected, CsvFormulaGuard.Neutralize(cell));
    }

    [Fact]
    public void Records_give_their_fields_in_declared_order_then_tenant_and_facility()
    {
        var finding = new AuditFinding { AuditFindingId = "af", TenantId = "acme", FacilityId = "f1", Severity = "low", Category = "c", Status = "open", Description = "d", FoundAt = DateTimeOffset.UnixEpoch };

        Assert.Equal(
            ["auditFindingId", "severity", "category", "status", "description", "foundAt", "resolvedAt", "tenantId", "facilityId"],
            finding.GetFields().Select(f => f.Name));
        Assert.Equal("audit-finding", finding.Phase.ItemType);
    }
}
