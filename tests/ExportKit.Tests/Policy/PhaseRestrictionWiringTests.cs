using ExportKit.Assembly;
using ExportKit.Policy;
using ExportKit.Sources;
using ExportKit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Tests.Policy;

/// <summary>
/// Regression: a member was refused executive-summary but got the same insights and reports through the insights and
/// reports categories. Checked through both composition roots, AddExportKit and ExportEngineBuilder.
/// </summary>
public sealed class PhaseRestrictionWiringTests
{
    private static readonly ExportPhase EnergyPhase = new(70, "energy-usage", "Energy Usage Engine", "energy-reading");
    private static readonly ExportCategory EnergyReport = new("energy-report");
    private static readonly ExportCategory BoardPack = new("board-pack");
    private static readonly PhaseRestriction EnergyRestriction =
        new(EnergyPhase, ["energy-officer"], [], "Energy data requires the energy-officer role");

    private static readonly ExportCategoryDefinition EnergyDefinition = new(EnergyReport, "Energy Report", "Energy use",
        [new ExportSectionDefinition("energy", "Energy", "Energy readings", [EnergyPhase])]);

    private static readonly ExportCategoryDefinition BoardPackDefinition = new(BoardPack, "Board Pack", "For the board",
        [ExportSections.AlertLogs, ExportSections.EnterpriseReports]);

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var root in new[] { "builder", "services" })
        {
            foreach (var category in new[] { "executive-summary", "insights", "reports", "full-operational", "board-pack" })
            {
                data.Add(root, category);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_member_is_refused_executive_data_in_every_category_that_carries_it(string root, string category)
    {
        var engine = Engine(root);

        var member = await ExportAsync(engine, new ExportCategory(category), new ExportPrincipal("mo", "acme", ["member"]));
        var executive = await ExportAsync(engine, new ExportCategory(category), new ExportPrincipal("eve", "acme", ["executive"]));
        var viewer = await ExportAsync(engine, new ExportCategory(category), new ExportPrincipal("vic", "acme", ["member"], [ExportPermissions.ExecutiveView]));

        Assert.Equal(ExportErrorCodes.PolicyDenied, member.ErrorCode);
        Assert.Equal(["Executive-level exports require executive permissions"], member.Violations);
        Assert.True(executive.Policy!.Allowed);
        Assert.True(viewer.Policy!.Allowed);
    }

    [Theory]
    [InlineData("builder")]
    [InlineData("services")]
    public async Task A_host_restriction_on_its_phase_governs_the_host_category(string root)
    {
        var engine = Engine(root);

        var member = await ExportAsync(engine, EnergyReport, new ExportPrincipal("mo", "acme", ["member"]));
        var officer = await ExportAsync(engine, EnergyReport, new ExportPrincipal("olu", "acme", ["energy-officer"]));

        Assert.Equal(ExportErrorCodes.PolicyDenied, member.ErrorCode);
        Assert.Equal(["Energy data requires the energy-officer role"], member.Violations);
        Assert.True(officer.Policy!.Allowed);
    }

    private static IExportEngine Engine(string root)
    {
        var sources = InMemoryPhaseDataSource.ForEachPhase(TestRecords.All()).Append(new InMemoryPhaseDataSource(EnergyPhase, []));
        if (root == "builder")
        {
            var builder = new ExportEngineBuilder().UseTimeProvider(TestClock.Create())
                .AddCategory(EnergyDefinition).AddCategory(BoardPackDefinition).RestrictPhase(EnergyRestriction);
            foreach (var source in sources)
            {
                builder.AddDataSource(source);
            }

            return builder.Build();
        }

        var services = new ServiceCollection().AddSingleton<TimeProvider>(TestClock.Create());
        var exportKit = services.AddExportKit().AddCategory(EnergyDefinition).AddCategory(BoardPackDefinition).RestrictPhase(EnergyRestriction).RestrictPhase(EnergyRestriction);
        foreach (var source in sources)
        {
            exportKit.AddDataSource(source);
        }

        return services.BuildServiceProvider().GetRequiredService<IExportEngine>();
    }

    private static async Task<ExportResult> ExportAsync(IExportEngine engine, ExportCategory category, ExportPrincipal principal)
    {
        using var stream = new MemoryStream();
        var query = new ExportQuery(category, ExportFormat.Json, new ExportScope("acme"), principal.UserId)
        {
            TimeRange = new ExportTimeRange(TestClock.Now.AddDays(-30), TestClock.Now),
        };
        return await engine.ExportAsync(query, principal, stream);
    }
}
