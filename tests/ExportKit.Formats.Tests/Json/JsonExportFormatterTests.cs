using System.Text.Json;
using ExportKit.Testing;

namespace ExportKit.Formats.Tests.Json;

public sealed class JsonExportFormatterTests
{
    [Fact]
    public void Json_returns_a_formatter_for_the_json_format()
    {
        Assert.Equal(ExportFormat.Json, ExportFormatters.Json().Format);
    }

    [Fact]
    public async Task Writes_every_value_type_as_its_json_kind()
    {
        var item = TestBundles.Item(
            "it-1",
            new("none", null),
            new("text", "x"),
            new("yes", true),
            new("int", int.MinValue),
            new("long", long.MaxValue),
            new("double", 0.1),
            new("decimal", 1.50m),
            new("at", new DateTimeOffset(2026, 2, 10, 9, 30, 0, TimeSpan.FromHours(5.75))),
            new("nested", new ExportField[] { new("inner", new ExportField[] { new("deep", 1) }), new("after", "z") }));

        using var document = JsonDocument.Parse(await JsonOutput.WriteAsync(TestBundles.WithItems(item)));

        var data = document.RootElement.GetProperty("sections")[0].GetProperty("items")[0].GetProperty("data");
        Assert.Equal(
            ["none", "text", "yes", "int", "long", "double", "decimal", "at", "nested"],
            data.EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, data.GetProperty("none").ValueKind);
        Assert.Equal("x", data.GetProperty("text").GetString());
        Assert.True(data.GetProperty("yes").GetBoolean());
        Assert.Equal(int.MinValue, data.GetProperty("int").GetInt32());
        Assert.Equal(long.MaxValue, data.GetProperty("long").GetInt64());
        Assert.Equal("0.1", data.GetProperty("double").GetRawText());
        Assert.Equal("1.50", data.GetProperty("decimal").GetRawText());
        Assert.Equal("2026-02-10T03:45:00.0000000Z", data.GetProperty("at").GetString());
        Assert.Equal(1, data.GetProperty("nested").GetProperty("inner").GetProperty("deep").GetInt32());
        Assert.Equal("z", data.GetProperty("nested").GetProperty("after").GetString());
    }

    [Theory]
    [InlineData(3, 2)]
    [InlineData(1, 2)]
    [InlineData(0, 1)]
    public async Task Throws_naming_the_section_when_it_yields_another_number_of_items_than_it_declares(long declared, int yielded)
    {
        var items = Enumerable.Range(1, yielded).Select(i => TestBundles.Item($"it-{i}")).ToArray();
        var bundle = TestBundles.WithItems(TestRecords.Stream(items), declared, sectionId: "drifting-section");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => JsonOutput.WriteAsync(bundle));

        Assert.Contains("'drifting-section'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"{declared} items", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_trips_hostile_strings_through_a_json_parser()
    {
        string[] hostile =
        [
            "quote \" backslash \\ slash /",
            "</script><script>alert('x')</script>",
            "control \u0000 \u0001 \u001f \b \f \n \r \t end",
            "line separators \u2028 \u2029 and bidi \u202e override",
            "emoji 😀 👩‍👩‍👧 and astral 𝔘",
            "accents é ß 中文 +=-@",
        ];
        var items = hostile.Select((text, i) => new ExportItem($"it-{i}", "test-item", TestRecords.Base, [new("value", text), new(text, "as a name")], [text])).ToArray();

        var bytes = await JsonOutput.WriteAsync(TestBundles.WithItems(items));

        var raw = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("</script>", raw, StringComparison.OrdinalIgnoreCase);
        Assert.All(raw, c => Assert.True(c is '\n' or (>= ' ' and <= '~'), $"U+{(int)c:X4} is written raw: the output should be escaped ASCII."));
        using var document = JsonDocument.Parse(bytes);
        var parsed = document.RootElement.GetProperty("sections")[0].GetProperty("items").EnumerateArray().ToArray();
        for (var i = 0; i < hostile.Length; i++)
        {
            Assert.Equal(hostile[i], parsed[i].GetProperty("data").GetProperty("value").GetString());
            Assert.Equal("as a name", parsed[i].GetProperty("data").GetProperty(hostile[i]).GetString());
            Assert.Equal(hostile[i], parsed[i].GetProperty("references")[0].GetString());
        }
    }

    [Fact]
    public async Task Leaves_the_destination_open()
    {
        using var stream = new MemoryStream();

        await ExportFormatters.Json().WriteAsync(TestBundles.AlertLogs(), stream, CancellationToken.None);

        Assert.True(stream.CanWrite);
        Assert.True(stream.Length > 0);
    }

    [Fact]
    public async Task Stops_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => ExportFormatters.Json().WriteAsync(TestBundles.CompliancePack(), Stream.Null, cancellation.Token));
    }

    [Fact]
    public async Task Guards_its_arguments()
    {
        var formatter = ExportFormatters.Json();

        await Assert.ThrowsAsync<ArgumentNullException>("bundle", () => formatter.WriteAsync(null!, Stream.Null, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentNullException>("destination", () => formatter.WriteAsync(TestBundles.AlertLogs(), null!, CancellationToken.None));
        using var readOnly = new MemoryStream([], writable: false);
        await Assert.ThrowsAsync<ArgumentException>("destination", () => formatter.WriteAsync(TestBundles.AlertLogs(), readOnly, CancellationToken.None));
    }
}
