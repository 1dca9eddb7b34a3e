using System.Text;
using ExportKit.Formats.Json;

namespace ExportKit.Formats.Tests.Json;

/// <summary>The net8.0 build's way to "\n" line endings on Windows; tested here on every runtime.</summary>
public sealed class CarriageReturnFilterStreamTests
{
    [Fact]
    public async Task Drops_every_CR_byte_and_nothing_else_sync_and_async()
    {
        var input = Encoding.UTF8.GetBytes("{\r\n  \"a\": \"x\\r\\ny\"\r\n}\r");
        using var syncTarget = new MemoryStream();
        using var asyncTarget = new MemoryStream();

        using var syncFilter = new CarriageReturnFilterStream(syncTarget);
        await using var asyncFilter = new CarriageReturnFilterStream(asyncTarget);

        syncFilter.Write(input, 0, input.Length);
        await asyncFilter.WriteAsync(input);

        var expected = "{\n  \"a\": \"x\\r\\ny\"\n}";
        Assert.Equal(expected, Encoding.UTF8.GetString(syncTarget.ToArray()));
        Assert.Equal(expected, Encoding.UTF8.GetString(asyncTarget.ToArray()));
    }

    [Fact]
    public async Task An_indented_writer_with_CRLF_lines_gives_the_LF_bytes()
    {
        using var lf = new MemoryStream();
        using var crlf = new MemoryStream();
        await WriteAsync(lf, "\n");
        await using var filter = new CarriageReturnFilterStream(crlf);
        await WriteAsync(filter, "\r\n");

        Assert.Equal(lf.ToArray(), crlf.ToArray());
    }

    private static async Task WriteAsync(Stream destination, string newLine)
    {
        await using var writer = new System.Text.Json.Utf8JsonWriter(destination, new() { Indented = true, NewLine = newLine });
        writer.WriteStartObject();
        writer.WriteString("text", "line one\r\nline two");
        writer.WriteStartArray("items");
        writer.WriteNumberValue(1);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
