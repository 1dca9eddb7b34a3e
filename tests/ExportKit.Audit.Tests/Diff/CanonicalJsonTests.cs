using System.Text.Json.Nodes;

namespace ExportKit.Audit.Tests.Diff;

public sealed class CanonicalJsonTests
{
    private sealed record Person(string Name, int Age, string[] Tags, Address? Home);

    private sealed record Address(string City, string Zip);

    [Fact]
    public void Sorts_keys_ordinally_and_writes_no_white_space_with_camel_case_names()
    {
        var json = CanonicalJson.Serialize(new Person("Ada", 36, ["b", "a"], new Address("Lyon", "69001")));

        Assert.Equal("""{"age":36,"home":{"city":"Lyon","zip":"69001"},"name":"Ada","tags":["b","a"]}""", json);
    }

    [Fact]
    public void The_same_content_gives_the_same_text_whatever_its_form_or_key_order()
    {
        var fromObject = CanonicalJson.Serialize(new { b = 1, a = new[] { 1.5, 2 } });
        var fromDictionary = CanonicalJson.Serialize(new Dictionary<string, object> { ["a"] = new[] { 1.5, 2 }, ["b"] = 1 });
        var fromNode = CanonicalJson.Serialize(JsonNode.Parse("""{ "a": [1.5, 2], "b": 1 }"""));

        Assert.Equal("""{"a":[1.5,2],"b":1}""", fromObject);
        Assert.Equal(fromObject, fromDictionary);
        Assert.Equal(fromObject, fromNode);
    }

    [Fact]
    public void Escapes_only_what_JSON_requires_so_text_stays_searchable()
    {
        var json = CanonicalJson.Serialize(new { text = "café O'Brien <b>&</b> a+b \"q\" \\ \n" });

        Assert.Equal("{\"text\":\"café O'Brien <b>&</b> a+b \\\"q\\\" \\\\ \\n\"}", json);
    }

    [Fact]
    public void Null_stays_null()
    {
        Assert.Null(CanonicalJson.Serialize(null));
        Assert.Null(CanonicalJson.ToNode(null));
    }
}
