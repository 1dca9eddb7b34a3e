using System.Text;
using ExportKit.Formats.Tests.Html;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.Fields;

/// <summary>
/// A host field named <c>tenantId</c> duplicated the key ExportKit writes for every record. An object that names a
/// field twice is refused by every format, with the item and the field named, and JSON never holds a duplicate key.
/// </summary>
public sealed class FieldNameCollisionTests
{
    public static TheoryData<string> Formats => ["json", "csv", "html", "markdown"];

    public static TheoryData<string> Cases => [.. HtmlOutput.Cases];

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_host_field_named_tenantId_beside_the_one_ExportKit_writes_is_refused(string format)
    {
        // What a host projection that appends the record's own tenantId to its data, as ExportKit does, would write.
        var item = TestBundles.Item("alert-7", new("alertId", "alert-7"), new("tenantId", "host-value"), new("status", "open"), new("tenantId", "acme"), new("facilityId", null));

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => WriteAsync(format, TestBundles.WithItems(item)));

        Assert.Contains("Item 'alert-7'", error.Message, StringComparison.Ordinal);
        Assert.Contains("two fields named 'tenantId'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_name_repeated_inside_a_nested_object_is_refused_with_its_path(string format)
    {
        ExportField[] location = [new("site", "north"), new("site", "south")];
        var item = TestBundles.Item("finding-1", new ExportField("location", location));

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => WriteAsync(format, TestBundles.WithItems(item)));

        Assert.Contains("Item 'finding-1' has two fields named 'site' in 'location'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_long_object_with_a_repeated_name_is_refused_too(string format)
    {
        var fields = Enumerable.Range(0, 40).Select(i => new ExportField($"f{i}", i)).Append(new ExportField("f3", "again")).ToArray();

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => WriteAsync(format, TestBundles.WithItems(TestBundles.Item("wide-1", fields))));

        Assert.Contains("two fields named 'f3'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_repeated_name_after_items_with_the_same_names_is_still_refused(string format)
    {
        // The formatters skip the pairwise check for an object with exactly the names (the same instances) of the last
        // one found clean; an object that differs in one place, here the same instance twice, must be checked in full.
        const string Id = "alertId", Status = "status";
        // Few enough that Markdown, which shows the first rows of a section, writes them all.
        var clean = Enumerable.Range(0, 5).Select(i => TestBundles.Item($"alert-{i}", new(Id, $"alert-{i}"), new(Status, "open"))).ToList();
        var repeated = TestBundles.Item("alert-5", new(Id, "alert-5"), new(Id, "again"));

        var error = await Assert.ThrowsAsync<NotSupportedException>(() => WriteAsync(format, TestBundles.WithItems([.. clean, repeated])));

        Assert.Contains("Item 'alert-5'", error.Message, StringComparison.Ordinal);
        Assert.Contains("two fields named 'alertId'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_name_in_different_objects_is_not_a_collision_and_json_has_no_duplicate_key()
    {
        ExportField[] owner = [new("tenantId", "owner-tenant"), new("facilityId", "f-2")];
        var item = TestBundles.Item("task-1", new ExportField("owner", owner), new("tenantId", "acme"), new("facilityId", null));

        var json = await JsonOutput.WriteAsync(TestBundles.WithItems(item));

        Assert.Empty(DuplicateKeys.Find(json));
        Assert.Contains("\"owner\":{\"tenantId\":\"owner-tenant\"", string.Concat(Encoding.UTF8.GetString(json).Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Golden_json_outputs_have_no_duplicate_key(string caseName)
    {
        Assert.Empty(DuplicateKeys.Find(await JsonOutput.WriteAsync(HtmlOutput.Build(caseName, ExportFormat.Json))));
    }

    [Fact]
    public void The_duplicate_key_reader_finds_a_duplicate()
    {
        Assert.Single(DuplicateKeys.Find("{\"data\":{\"tenantId\":\"a\",\"x\":{\"tenantId\":1},\"tenantId\":\"b\"}}"u8));
    }

    private static async Task WriteAsync(string format, ExportBundle bundle)
    {
        var formatter = format switch
        {
            "json" => ExportFormatters.Json(),
            "csv" => ExportFormatters.Csv(),
            "html" => ExportFormatters.Html(),
            _ => ExportFormatters.Markdown(),
        };
        using var stream = new MemoryStream();
        await formatter.WriteAsync(HtmlOutput.As(bundle, formatter.Format), stream, CancellationToken.None);
    }
}
