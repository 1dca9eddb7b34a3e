namespace ExportKit.Abstractions.Tests.Identifiers;

/// <summary>Regression: identifiers ending in "\n" passed validation, because the pattern ended in $ (which matches before a final newline).</summary>
public sealed class TrailingNewlineTests
{
    public static TheoryData<string, Action<string>> Identifiers() => new()
    {
        { "category", v => _ = new ExportCategory(v) },
        { "format", v => _ = new ExportFormat(v, "text/plain", ".txt") },
        { "phase key", v => _ = new ExportPhase(70, v, "Host phase", "host-item") },
        { "phase item type", v => _ = new ExportPhase(70, "host-phase", "Host phase", v) },
        { "scope tenant id", v => _ = new ExportScope(v) },
        { "scope facility id", v => _ = new ExportScope("tenant-a", facilityId: v) },
        { "scope federation id", v => _ = new ExportScope("tenant-a", federationId: v) },
        { "principal user id", v => _ = new ExportPrincipal(v, "tenant-a") },
        { "principal tenant id", v => _ = new ExportPrincipal("user-1", v) },
        { "principal federation id", v => _ = new ExportPrincipal("user-1", "tenant-a") { FederationId = v } },
        { "principal role", v => _ = new ExportPrincipal("user-1", "tenant-a", roles: [v]) },
        { "principal permission", v => _ = new ExportPrincipal("user-1", "tenant-a", permissions: [v]) },
        { "query requested-by", v => _ = new ExportQuery(ExportCategory.AuditFindings, ExportFormat.Json, new ExportScope("tenant-a"), v) },
        { "query id", v => _ = Query() with { QueryId = v } },
        { "run id", v => _ = Query() with { RunId = v } },
    };

    [Theory]
    [MemberData(nameof(Identifiers))]
    public void Every_identifier_refuses_a_trailing_newline(string kind, Action<string> create)
    {
        create("x");

        Assert.Throws<ArgumentException>(() => create("x\n"));
        Assert.Throws<ArgumentException>(() => create("x\r\n"));
        Assert.True(kind.Length > 0);
    }

    [Theory]
    [InlineData("tenant-a\u0085")]
    [InlineData("tenant-a\u2028")]
    [InlineData("tenant\ta")]
    public void Free_form_ids_refuse_control_and_line_separator_characters_naming_them(string tenantId)
    {
        var error = Assert.Throws<ArgumentException>(nameof(tenantId), () => new ExportScope(tenantId));

        Assert.Contains("U+", error.Message, StringComparison.Ordinal);
        Assert.Contains("single-line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_audit_names_parse_only_whole_names()
    {
        Assert.Throws<ArgumentException>(() => AuditEnumNames.ParseSeverity("info\n"));
        Assert.Throws<ArgumentException>(() => AuditEnumNames.ParseActorType("user\n"));
    }

    private static ExportQuery Query() =>
        new(ExportCategory.AuditFindings, ExportFormat.Json, new ExportScope("tenant-a"), "user-1");
}
