using System.Reflection;
using ExportKit.Audit;
using ExportKit.Sources;
using ExportKit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExportKit.Tests.Engine;

/// <summary>The builder without DI can do everything <c>AddExportKit()</c> can, with the same effect.</summary>
public sealed class ExportEngineBuilderParityTests
{
    public static TheoryData<string> Extensions()
    {
        var data = new TheoryData<string>();
        foreach (var method in ExtensionMethods())
        {
            data.Add(Signature(method, skipFirst: true));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Extensions))]
    public void Every_IExportKitBuilder_extension_has_an_ExportEngineBuilder_method(string signature)
    {
        var builderMethods = typeof(ExportEngineBuilder).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.ReturnType == typeof(ExportEngineBuilder))
            .Select(m => Signature(m, skipFirst: false));

        Assert.Contains(signature, builderMethods);
    }

    [Fact]
    public void The_extensions_are_found() => Assert.Equal(16, ExtensionMethods().Count());

    [Fact]
    public async Task ConfigureAudit_sets_the_hmac_key_of_the_builders_audit_trail()
    {
        var plain = new InMemoryAuditEventStore();
        var keyed = new InMemoryAuditEventStore();
        await ExportWithAsync(plain, _ => { });
        await ExportWithAsync(keyed, o => o.HmacKey = Convert.ToBase64String(new byte[32]));

        var plainEvent = (await plain.GetLastAsync())!;
        var keyedEvent = (await keyed.GetLastAsync())!;
        Assert.Equal((plainEvent.Id, plainEvent.EventType, plainEvent.Sequence), (keyedEvent.Id, keyedEvent.EventType, keyedEvent.Sequence));
        Assert.NotEqual(plainEvent.Hash, keyedEvent.Hash);
    }

    [Fact]
    public void Invalid_audit_options_are_refused_at_build_naming_the_problem()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new ExportEngineBuilder().ConfigureAudit(o => o.UserAgentMaxLength = 1).Build());

        Assert.Contains("UserAgentMaxLength", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddCsvFormat_applies_inside_the_builders_zip()
    {
        var builder = new ExportEngineBuilder().UseTimeProvider(TestClock.Create()).AddCsvFormat(o => o.IncludeByteOrderMark = true);
        foreach (var source in InMemoryPhaseDataSource.ForEachPhase(TestRecords.All()))
        {
            builder.AddDataSource(source);
        }

        using var stream = new MemoryStream();
        var result = await builder.Build().ExportAsync(TestEngine.Query(ExportCategory.AuditFindings, ExportFormat.Zip), TestEngine.Admin(), stream);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.Equal([0xEF, 0xBB, 0xBF], Formatting.FormatOptionsTests.EntriesEndingWith(stream.ToArray(), ".csv")[0][..3]);
    }

    [Fact]
    public async Task ConfigureServices_registrations_replace_the_defaults()
    {
        var store = new ExportKit.Audit.InMemoryExportLogStore();
        IExportKitBuilder? seen = null;

        var engine = new ExportEngineBuilder().ConfigureServices(kit => { seen = kit; kit.Services.AddSingleton<IExportLogStore>(store); }).Build();
        await engine.ExportAsync(TestEngine.Query(ExportCategory.AuditFindings), principal: null, Stream.Null);

        Assert.NotNull(seen);
        Assert.Equal(2, await store.ReadAsync().CountAsync());
    }

    private static async Task ExportWithAsync(IAuditEventStore store, Action<AuditOptions> configure)
    {
        var builder = new ExportEngineBuilder()
            .UseTimeProvider(TestClock.Create())
            .UseIdGenerator(new SequentialIds())
            .ConfigureAudit(configure)
            .ConfigureServices(kit => kit.Services.AddSingleton(store));
        foreach (var source in InMemoryPhaseDataSource.ForEachPhase(TestRecords.All()))
        {
            builder.AddDataSource(source);
        }

        var result = await builder.Build().ExportAsync(TestEngine.Query(ExportCategory.AuditFindings), TestEngine.Admin(), Stream.Null);
        Assert.True(result.Succeeded, result.ErrorMessage);
    }

    private static IEnumerable<MethodInfo> ExtensionMethods() =>
        typeof(ExportEngineBuilder).Assembly.GetExportedTypes()
            .Where(t => t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(IExportKitBuilder));

    private static string Signature(MethodInfo method, bool skipFirst)
    {
        var parameters = method.GetParameters().Skip(skipFirst ? 1 : 0).Select(p => p.ParameterType.IsGenericParameter ? "T" : p.ParameterType.ToString());
        return $"{method.Name}`{method.GetGenericArguments().Length}({string.Join(", ", parameters)})";
    }
}
