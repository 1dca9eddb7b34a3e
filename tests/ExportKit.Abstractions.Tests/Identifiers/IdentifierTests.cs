namespace ExportKit.Abstractions.Tests.Identifiers;

public sealed class IdentifierTests
{
    [Fact]
    public void There_are_fourteen_categories_six_formats_and_ten_phases()
    {
        Assert.Equal(14, ExportCategory.BuiltIn.Distinct().Count());
        Assert.Equal(["json", "csv", "html", "markdown", "zip", "auditor-package"], ExportFormat.BuiltIn.Select(f => f.Value));
        Assert.Equal(Enumerable.Range(50, 10), ExportPhase.BuiltIn.Select(p => p.Number));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Compliance-Pack")]
    [InlineData("compliance pack")]
    [InlineData("-pack")]
    [InlineData("pack-")]
    [InlineData("a--b")]
    [InlineData("../etc")]
    public void Malformed_identifiers_are_refused_with_the_rule(string value)
    {
        var error = Assert.Throws<ArgumentException>(() => new ExportCategory(value));

        Assert.Contains("lower-case letters and digits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Host_identifiers_compare_by_value()
    {
        Assert.Equal(ExportCategory.CompliancePack, new ExportCategory("compliance-pack"));
        Assert.Equal(ExportFormat.Json, new ExportFormat("json", "text/plain", ".txt"));
        Assert.Equal("Phase 50: Audit & Governance Engine", ExportPhase.AuditFindings.DataSource);
    }

    [Theory]
    [InlineData("json")]
    [InlineData(".")]
    [InlineData("./x")]
    public void Format_extensions_must_be_a_dot_and_letters(string extension)
    {
        Assert.Throws<ArgumentException>(() => new ExportFormat("custom", "text/plain", extension));
    }

    [Fact]
    public void Bundle_formats_are_zip_and_auditor_package()
    {
        Assert.Equal([ExportFormat.Zip, ExportFormat.AuditorPackage], ExportFormat.BuiltIn.Where(f => f.IsBundleFormat));
        Assert.True(ExportFormat.TryGetBuiltIn("markdown", out var markdown));
        Assert.Equal(".md", markdown.Extension);
        Assert.False(ExportFormat.TryGetBuiltIn("pdf", out _));
    }
}
