using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace ExportKit.Storage;

/// <summary>
/// Reads the columns of one row strictly: each value must have the shape the stores write and the queries compare. The
/// first problem is kept (<see cref="Column"/>, <see cref="Reason"/>) and later reads return defaults, so that a caller
/// decodes the whole row and then asks once whether it failed — no exception from deep inside a reader. What a database
/// hands back for text, numbers and flags, and how it describes a wrong value, is the provider's
/// (<see cref="NullableText"/>, <see cref="Integer"/>, <see cref="Boolean"/>).
/// </summary>
internal abstract class StoreRowDecoder(DbDataReader reader)
{
    private const int MaxShownLength = 40;

    public string? Column { get; private set; }

    public string? Reason { get; private set; }

    public bool Failed => Column is not null;

    protected DbDataReader Reader => reader;

    /// <summary>A text value that is neither NULL nor blank.</summary>
    public string Text(int ordinal, string column)
    {
        var value = NullableText(ordinal, column);
        if (value is null)
        {
            Fail(column, "NULL where a value is required");
            return "";
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(column, "blank where a value is required");
        }

        return value;
    }

    /// <summary>A text value or NULL.</summary>
    public abstract string? NullableText(int ordinal, string column);

    public abstract long Integer(int ordinal, string column);

    /// <summary>A flag: what the database stores it as is its own (0 or 1, or a boolean).</summary>
    public abstract bool Boolean(int ordinal, string column);

    /// <summary>An integer value or NULL.</summary>
    public long? NullableInteger(int ordinal, string column) =>
        reader.IsDBNull(ordinal) ? null : Integer(ordinal, column);

    /// <summary>An instant in the stores' fixed-width form, which range filters compare as text.</summary>
    public DateTimeOffset Instant(int ordinal, string column)
    {
        var text = NullableText(ordinal, column);
        if (text is null)
        {
            Fail(column, "NULL where a timestamp is required");
            return default;
        }

        if (DateTimeOffset.TryParseExact(text, "O", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant)
            && string.Equals(ExportValueText.FormatInstant(instant), text, StringComparison.Ordinal))
        {
            return instant;
        }

        Fail(column, $"'{Shorten(text)}' is not a UTC timestamp of the form 2026-01-31T08:00:00.0000000Z");
        return default;
    }

    /// <summary>An instant in the stores' fixed-width form, or NULL.</summary>
    public DateTimeOffset? NullableInstant(int ordinal, string column) =>
        reader.IsDBNull(ordinal) ? null : Instant(ordinal, column);

    /// <summary>Text holding one JSON value, or NULL when <paramref name="required"/> is false.</summary>
    public string? Json(int ordinal, string column, bool required)
    {
        var text = required ? Text(ordinal, column) : NullableText(ordinal, column);
        if (text is null || Failed)
        {
            return text;
        }

        try
        {
            using var document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            Fail(column, $"not valid JSON ({e.Message})");
        }

        return text;
    }

    /// <summary>A JSON value deserialized, with any failure of the serializer kept as the row's problem.</summary>
    public T? Deserialize<T>(int ordinal, string column, JsonSerializerOptions options)
    {
        var text = Text(ordinal, column);
        if (Failed)
        {
            return default;
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(text, options);
            if (value is null)
            {
                Fail(column, "JSON null where a value is required");
            }

            return value;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException)
        {
            Fail(column, $"'{Shorten(text)}' cannot be read ({e.Message})");
            return default;
        }
    }

    /// <summary>Keeps a problem found by the caller (a value outside a closed set, for example).</summary>
    public void Fail(string column, string reason)
    {
        if (Column is null)
        {
            Column = column;
            Reason = reason;
        }
    }

    public static string Shorten(string text) =>
        text.Length <= MaxShownLength ? text : string.Concat(text.AsSpan(0, MaxShownLength), "…");
}
