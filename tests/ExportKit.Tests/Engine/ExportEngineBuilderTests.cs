using Microsoft.Extensions.Options;

namespace ExportKit.Tests.Engine;

public sealed class ExportEngineBuilderTests
{
    [Fact]
    public void A_builder_builds_one_engine()
    {
        var builder = new ExportEngineBuilder();
        builder.Build();

        var error = Assert.Throws<InvalidOperationException>(builder.Build);
        Assert.Contains("create a new ExportEngineBuilder", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => builder.AddPolicyRule(ExportKit.Policy.ExportPolicyRules.DataRetention));
        Assert.Throws<InvalidOperationException>(() => builder.Configure(o => o.DefaultTimeRangeDays = 400));
        Assert.Throws<InvalidOperationException>(() => builder.UseTimeProvider(TimeProvider.System));
    }

    [Fact]
    public void Invalid_options_are_refused_at_build()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new ExportEngineBuilder().Configure(o => o.DefaultTimeRangeDays = 0).Build());

        Assert.Contains("from 1 to 90", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_sources_for_one_phase_are_refused()
    {
        var builder = new ExportEngineBuilder()
            .AddDataSource(new Sources.ListSource(ExportPhase.Alerts))
            .AddDataSource(new Sources.ListSource(ExportPhase.Alerts));

        var error = Assert.Throws<ArgumentException>(builder.Build);
        Assert.Contains("register one source per phase", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        var builder = new ExportEngineBuilder();

        Assert.Equal("source", Assert.Throws<ArgumentNullException>(() => builder.AddDataSource(null!)).ParamName);
        Assert.Equal("provider", Assert.Throws<ArgumentNullException>(() => builder.UseTimeProvider(null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.Configure(null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.ConfigureAudit(null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.AddCsvFormat(null!)).ParamName);
        Assert.Equal("configure", Assert.Throws<ArgumentNullException>(() => builder.ConfigureServices(null!)).ParamName);
        Assert.Equal("factory", Assert.Throws<ArgumentNullException>(() => builder.UseLoggerFactory(null!)).ParamName);
    }
}
