using ExportKit.Assembly;
using ExportKit.Testing;

namespace ExportKit.Tests.Bounds;

/// <summary>
/// Regression: 100,000 levels of nested fields overflowed the stack in the counting pass and killed the process, in
/// every format. Now the export fails cleanly, naming the record, before anything walks the values recursively.
/// </summary>
public sealed class FieldDepthTests
{
    private const int SmallStack = 256 * 1024;

    private static readonly ExportCategoryDefinition DeepReport = new(DeepRecords.Category, "Deep Report", "Nested data",
        [new ExportSectionDefinition("deep", "Deep", "Deeply nested values", [DeepRecords.Phase])]);

    public static TheoryData<string> Formats() => [.. ExportFormat.BuiltIn.Select(f => f.Value)];

    [Theory]
    [MemberData(nameof(Formats))]
    public void A_hundred_thousand_levels_fail_the_export_naming_the_record_on_a_small_stack(string format)
    {
        var engine = Engine(DeepRecords.Source(DeepRecords.Record("deep-1", 100_000)));

        var (result, bytes, synchronous) = OnSmallStack(() => ExportAsync(engine, format));

        Assert.True(synchronous, "the export should run entirely on the small-stack thread");
        Assert.False(result.Succeeded);
        Assert.Equal(ExportErrorCodes.FieldTooDeep, result.ErrorCode);
        Assert.Contains("Record 'deep-1' of Phase 70: Deep Data Engine (section 'deep')", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("field 'payload' nests objects more than 64 levels deep", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(bytes);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Values_at_the_limit_export_in_every_format(string format)
    {
        var engine = Engine(DeepRecords.Source(DeepRecords.Record("deep-1", 64)));

        var (result, bytes, _) = await ExportAsync(engine, format);

        Assert.True(result.Succeeded, result.ErrorMessage);
        Assert.NotEmpty(bytes);
    }

    [Fact]
    public async Task The_limit_is_configurable()
    {
        var engine = Engine(DeepRecords.Source(DeepRecords.Record("deep-1", 5)), o => o.MaxFieldDepth = 4);

        var (result, _, _) = await ExportAsync(engine, "json");

        Assert.Equal(ExportErrorCodes.FieldTooDeep, result.ErrorCode);
        Assert.Contains("more than 4 levels", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(64, new ExportKitOptions().MaxFieldDepth);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(257)]
    public void A_limit_outside_1_to_256_is_refused_at_build(int depth)
    {
        var error = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(
            () => new ExportEngineBuilder().Configure(o => o.MaxFieldDepth = depth).Build());

        Assert.Contains($"ExportKitOptions.MaxFieldDepth is {depth}; it must be from 1 to 256", error.Message, StringComparison.Ordinal);
    }

    private static IExportEngine Engine(IPhaseDataSource source, Action<ExportKitOptions>? configure = null) =>
        new ExportEngineBuilder().UseTimeProvider(TestClock.Create()).UseIdGenerator(new SequentialIds())
            .AddCategory(DeepReport).AddDataSource(source).Configure(configure ?? (_ => { })).Build();

    private static async Task<(ExportResult Result, byte[] Bytes, bool Synchronous)> ExportAsync(IExportEngine engine, string format)
    {
        var principal = new ExportPrincipal("lee", "acme", ["admin"], ["export:bundle-formats"]);
        var query = new ExportQuery(DeepRecords.Category, ExportFormat.BuiltIn.Single(f => f.Value == format), new ExportScope("acme"), "lee")
        {
            TimeRange = new ExportTimeRange(TestClock.Now.AddDays(-30), TestClock.Now),
        };
        using var stream = new MemoryStream();
#pragma warning disable CA2025 // The task is awaited just below, before the stream is disposed.
        var task = engine.ExportAsync(query, principal, stream);
#pragma warning restore CA2025
        var synchronous = task.IsCompleted;
        var result = await task;
        return (result, stream.ToArray(), synchronous);
    }

    private static T OnSmallStack<T>(Func<Task<T>> action)
    {
        T? result = default;
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    result = action().GetAwaiter().GetResult();
                }
#pragma warning disable CA1031 // Rethrown on the test's thread.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    error = ex;
                }
            },
            SmallStack);
        thread.Start();
        thread.Join();
        return error is null ? result! : throw new InvalidOperationException("The export threw on the small-stack thread.", error);
    }
}
