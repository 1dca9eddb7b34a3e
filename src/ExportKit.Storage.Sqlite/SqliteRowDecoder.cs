using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// Reads the columns of one row strictly: each value must have the storage class and shape the stores write, because
/// the queries compare them as such (a tenant id stored as a BLOB is never equal to the TEXT parameter of a query).
/// The first problem is kept (<see cref="Column"/>, <see cref="Reason"/>) and later reads return defaults, so that a
/// caller decodes the whole row and then asks once whether it failed — no exception from deep inside a reader.
/// </summary>
internal sealed class SqliteRowDecoder(SqliteDataReader reader)
{
    private const int MaxShownLength = 40;

    public string? Column { get; private set; }

    public string? Reason { get; private set; }

    public bool Failed => Column is not null;

    /// <summary>A TEXT value that is neither NULL nor blank.</summary>
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

    /// <summary>A TEXT value or NULL.</summary>
    public string? NullableText(int ordinal, string column)
    {
        var value = reader.GetValue(ordinal);
        switch (value)
        {
            case DBNull:
                return null;
            case string text:
                return text;
            default:
                Fail(column, $"{Describe(value)} where TEXT is required");
                return null;
        }
    }

    public long Integer(int ordinal, string column)
    {
        var value = reader.GetValue(ordinal);
        if (value is long number)
        {
            return number;
        }

        Fail(column, $"{Describe(value)} where an INTEGER is required");
        return 0;
    }

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
            && string.Equals(SqliteInstants.Format(instant), text, StringComparison.Ordinal))
        {
            return instant;
        }

        Fail(column, $"'{Shorten(text)}' is not a UTC timestamp of the form 2026-01-31T08:00:00.0000000Z");
        return default;
    }

    /// <summary>An INTEGER value or NULL.</summary>
    public long? NullableInteger(int ordinal, string column) =>
        reader.IsDBNull(ordinal) ? null : Integer(ordinal, column);

    /// <summary>An instant in the stores' fixed-width form, or NULL.</summary>
    public DateTimeOffset? NullableInstant(int ordinal, string column) =>
        reader.IsDBNull(ordinal) ? null : Instant(ordinal, column);

    /// <summary>A TEXT value holding one JSON value, or NULL when <paramref name="required"/> is false.</summary>
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

    private static string Describe(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => $"a BLOB of {bytes.Length} byte(s)",
        long number => $"the INTEGER {number.ToString(CultureInfo.InvariantCulture)}",
        double number => $"the REAL {number.ToString(CultureInfo.InvariantCulture)}",
        string text => $"the TEXT '{Shorten(text)}'",
        _ => $"a value of type {value.GetType().Name}",
    };
}
