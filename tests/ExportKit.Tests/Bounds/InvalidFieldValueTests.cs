using ExportKit.Sources;
using ExportKit.Testing;

namespace ExportKit.Tests.Bounds;

/// <summary>
/// Regression (issue 9, "honest models"): a NaN reading failed a JSON export but was written by CSV, HTML and Markdown,
/// and a value's type was checked by each formatter after bytes had gone out. Now the value is refused when the item is
/// made, and every format fails the same way, naming the record and the field, with nothing written.
/// </summary>
public sealed class InvalidFieldValueTests
{
    public static TheoryData<string, double> FormatsAndValues()
    {
        var data = new TheoryData<string, double>();
        foreach (var format in ExportFormat.BuiltIn)
        {
            data.Add(format.Value, double.NaN);
            data.Add(format.Value, double.PositiveInfinity);
        }

        data.Add("json", double.NegativeInfinity);
        return data;
    }

    [Theory]
    [MemberData(nameof(FormatsAndValues))]
    public async Task A_reading_no_format_can_write_fails_every_format_alike_naming_record_and_field(string format, double value)
    {
        var signal = TestRecords.All().OfType<RealTimeSignal>().Single().With(it => it.Value, value);
        var engine = new TestEngine(InMemoryPhaseDataSource.ForEachPhase([signal]));

        var (result, bytes) = await engine.ExportAsync(TestEngine.Query(ExportCategory.RealTimeMetrics, ExportFormat.BuiltIn.Single(f => f.Value == format)));

        Assert.False(result.Succeeded);
        Assert.Equal(ExportErrorCodes.InvalidFieldValue, result.ErrorCode);
        Assert.Equal("invalid-field-value", ExportErrorCodes.InvalidFieldValue);
        Assert.StartsWith("Record 'sig-001' of Phase 55", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("Field 'value' is", result.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", result.ErrorMessage, StringComparison.Ordinal);
        Assert.Empty(bytes);
        var error = Assert.IsType<ExportErrorEntry>((await engine.EntriesAsync())[^1]);
        Assert.Equal(ExportErrorCodes.InvalidFieldValue, error.ErrorCode);
        await foreach (var record in engine.Registry.ListAsync("acme"))
        {
            Assert.Fail($"Export {record.ExportId} was recorded.");
        }
    }
}
