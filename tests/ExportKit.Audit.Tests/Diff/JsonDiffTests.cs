using System.Text.Json.Nodes;

namespace ExportKit.Audit.Tests.Diff;

public sealed class JsonDiffTests
{
    private static IReadOnlyList<AuditChange> Diff(string? before, string? after) =>
        JsonDiff.Compare(before is null ? null : JsonNode.Parse(before), after is null ? null : JsonNode.Parse(after));

    [Fact]
    public void Equal_values_have_no_changes()
    {
        Assert.Empty(Diff("""{"a":1,"b":[1,{"c":"x"}],"d":null}""", """{"d":null,"b":[1,{"c":"x"}],"a":1}"""));
        Assert.Empty(Diff(null, null));
        Assert.Empty(Diff("[]", "[]"));
        Assert.Empty(Diff("\"x\"", "\"x\""));
    }

    [Fact]
    public void Changed_properties_are_listed_in_path_order_with_canonical_values()
    {
        var changes = Diff("""{"status":"draft","name":"Old Name","count":1}""", """{"status":"estimating","name":"New Name","count":1}""");

        Assert.Equal(
        [
            new AuditChange("name", AuditChangeKind.Changed, "\"Old Name\"", "\"New Name\""),
            new AuditChange("status", AuditChangeKind.Changed, "\"draft\"", "\"estimating\""),
        ], changes);
    }

    [Fact]
    public void Nested_objects_give_dotted_paths_and_added_or_removed_properties()
    {
        var changes = Diff(
            """{"address":{"city":"Lyon","zip":"69001","geo":{"lat":1}}}""",
            """{"address":{"city":"Paris","geo":{"lat":1,"lng":2}},"phone":"+33"}""");

        Assert.Equal(
        [
            new AuditChange("address.city", AuditChangeKind.Changed, "\"Lyon\"", "\"Paris\""),
            new AuditChange("address.geo.lng", AuditChangeKind.Added, null, "2"),
            new AuditChange("address.zip", AuditChangeKind.Removed, "\"69001\"", null),
            new AuditChange("phone", AuditChangeKind.Added, null, "\"+33\""),
        ], changes);
    }

    [Fact]
    public void A_grown_array_adds_elements_at_their_indexes()
    {
        var changes = Diff("""{"tags":["a","b"]}""", """{"tags":["a","B","c",{"k":1}]}""");

        Assert.Equal(
        [
            new AuditChange("tags[1]", AuditChangeKind.Changed, "\"b\"", "\"B\""),
            new AuditChange("tags[2]", AuditChangeKind.Added, null, "\"c\""),
            new AuditChange("tags[3]", AuditChangeKind.Added, null, """{"k":1}"""),
        ], changes);
    }

    [Fact]
    public void A_shrunk_array_removes_elements_and_nested_elements_are_compared_inside()
    {
        var changes = Diff("""{"items":[{"id":1,"qty":2},{"id":2},3]}""", """{"items":[{"id":1,"qty":5}]}""");

        Assert.Equal(
        [
            new AuditChange("items[0].qty", AuditChangeKind.Changed, "2", "5"),
            new AuditChange("items[1]", AuditChangeKind.Removed, """{"id":2}""", null),
            new AuditChange("items[2]", AuditChangeKind.Removed, "3", null),
        ], changes);
    }

    [Theory]
    [InlineData("""{"v":1}""", """{"v":"1"}""", "1", "\"1\"")]
    [InlineData("""{"v":{"a":1}}""", """{"v":[1]}""", """{"a":1}""", "[1]")]
    [InlineData("""{"v":[1]}""", """{"v":true}""", "[1]", "true")]
    [InlineData("""{"v":1}""", """{"v":1.0}""", "1", "1.0")]
    public void A_value_of_another_kind_is_changed_as_a_whole(string before, string after, string beforeJson, string afterJson)
    {
        Assert.Equal([new AuditChange("v", AuditChangeKind.Changed, beforeJson, afterJson)], Diff(before, after));
    }

    [Fact]
    public void A_property_that_is_null_differs_from_one_that_is_missing()
    {
        Assert.Equal([new AuditChange("v", AuditChangeKind.Added, null, "null")], Diff("{}", """{"v":null}"""));
        Assert.Equal([new AuditChange("v", AuditChangeKind.Removed, "null", null)], Diff("""{"v":null}""", "{}"));
        Assert.Equal([new AuditChange("v", AuditChangeKind.Changed, "null", "0")], Diff("""{"v":null}""", """{"v":0}"""));
    }

    [Fact]
    public void Changes_at_the_top_have_the_root_path()
    {
        Assert.Equal([new AuditChange("$", AuditChangeKind.Added, null, """{"a":1}""")], Diff(null, """{"a":1}"""));
        Assert.Equal([new AuditChange("$", AuditChangeKind.Removed, """{"a":1}""", null)], Diff("""{"a":1}""", null));
        Assert.Equal([new AuditChange("$", AuditChangeKind.Changed, "1", "2")], Diff("1", "2"));
        Assert.Equal([new AuditChange("$[1]", AuditChangeKind.Added, null, "2")], Diff("[1]", "[1,2]"));
    }

    [Fact]
    public void Paths_are_in_ordinal_order()
    {
        var changes = Diff("""{"b":1,"a":{"z":1,"B":1},"A":1}""", """{"b":2,"a":{"z":2,"B":2},"A":2}""");

        Assert.Equal(["A", "a.B", "a.z", "b"], changes.Select(c => c.Path));
    }
}
