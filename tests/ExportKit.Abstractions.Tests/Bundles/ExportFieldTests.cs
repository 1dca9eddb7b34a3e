namespace ExportKit.Abstractions.Tests.Bundles;

/// <summary>A field's value is checked once, when the field is made: every format then agrees on what it can write.</summary>
public sealed class ExportFieldTests
{
    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void A_double_no_format_can_write_is_refused_naming_the_field(double value, string text)
    {
        var error = Assert.Throws<ArgumentException>(() => new ExportField("ratio", value));

        Assert.Contains($"Field 'ratio' is {text}", error.Message, StringComparison.Ordinal);
        Assert.Contains("finite number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsupported_type_is_refused_naming_the_field_the_type_and_the_supported_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => new ExportField("id", Guid.Empty));

        Assert.Contains("Field 'id'", error.Message, StringComparison.Ordinal);
        Assert.Contains("System.Guid", error.Message, StringComparison.Ordinal);
        Assert.Contains("DateTimeOffset", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToInvariantString_refuses_an_unsupported_type_too()
    {
        var error = Assert.Throws<ArgumentException>(() => ExportValueText.ToInvariantString(new object()));

        Assert.Contains("System.Object", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_field_needs_a_name(string? name) =>
        Assert.ThrowsAny<ArgumentException>(() => new ExportField(name!, 1));

    [Fact]
    public void Every_supported_value_is_accepted()
    {
        object?[] values = [null, "text", true, 1, 2L, 0.5, 1.5m, DateTimeOffset.UnixEpoch, new ExportField[] { new("a", 1) }];

        Assert.All(values, value => Assert.Equal(value is ExportField[] ? 1 : 0, new ExportField("f", value).Value is IReadOnlyList<ExportField> list ? list.Count : 0));
    }

    [Fact]
    public void A_nested_object_is_copied_so_it_cannot_change_afterwards()
    {
        var nested = new List<ExportField> { new("a", 1) };
        var field = new ExportField("outer", nested);

        nested.Add(new("b", double.MaxValue));

        Assert.Single((IReadOnlyList<ExportField>)field.Value!);
    }

    [Fact]
    public void A_field_that_was_never_made_is_refused_in_a_nested_object_and_in_an_item()
    {
        var nested = Assert.Throws<ArgumentException>(() => new ExportField("outer", new ExportField[] { new("a", 1), default }));
        var item = Assert.Throws<ArgumentException>(() => new ExportItem("it-1", "test", DateTimeOffset.UnixEpoch, [new("a", 1), default]));

        Assert.Contains("Field 'outer'", nested.Message, StringComparison.Ordinal);
        Assert.Contains("Item 'it-1': field 1", item.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_are_equal_by_name_and_value_nested_objects_by_content()
    {
        var a = new ExportField("outer", new ExportField[] { new("x", 1), new("y", "z") });
        var b = new ExportField("outer", new ExportField[] { new("x", 1), new("y", "z") });
        var c = new ExportField("outer", new ExportField[] { new("x", 1), new("y", "other") });

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.True(a != c);
        Assert.NotEqual(new ExportField("n", 1), new ExportField("n", 1L));
    }
}
