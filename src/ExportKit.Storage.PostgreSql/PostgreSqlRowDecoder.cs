using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// Reads the columns of one row strictly, as the SQLite package's decoder does: each value must have the shape the
/// stores write and the queries compare (the schema's CHECKs hold that, unless someone dropped them). The first problem
/// is kept (<see cref="Column"/>, <see cref="Reason"/>) and later reads return defaults, so a caller decodes the whole
/// row and asks once whether it failed — no exception from inside a reader.
/// </summary>
internal sealed class PostgreSqlRowDecoder(NpgsqlDataReader reader)
{
    private const int MaxShownLength = 40;

    public string? Column { get; private set; }

    public string? Reason { get; private set; }

    public bool Failed => Column is not null;

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

    public string? NullableText(int ordinal, string column)
    {
        switch (reader.GetValue(ordinal))
        {
            case DBNull:
                return null;
            case string text:
                return text;
            case var other:
                Fail(column, $"a value of type {other.GetType().Name} where text is required");
                return null;
        }
    }

    public long Integer(int ordinal, string column)
    {
        switch (reader.GetValue(ordinal))
        {
            case long number:
                return number;
            case int number:
                return number;
            case var other:
                Fail(column, other is DBNull ? "NULL where a number is required" : $"a value of type {other.GetType().Name} where a number is required");
                return 0;
        }
    }

    public long? NullableInteger(int ordinal, string column) => reader.IsDBNull(ordinal) ? null : Integer(ordinal, column);

    public bool Boolean(int ordinal, string column)
    {
        if (reader.GetValue(ordinal) is bool value)
        {
            return value;
        }

        Fail(column, "NULL or not a boolean where a boolean is required");
        return false;
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

        if (PostgreSqlInstants.TryParse(text, out var instant) && string.Equals(PostgreSqlInstants.Format(instant), text, StringComparison.Ordinal))
        {
            return instant;
        }

        Fail(column, $"'{Shorten(text)}' is not a UTC timestamp of the form 2026-01-31T08:00:00.0000000Z");
        return default;
    }

    public DateTimeOffset? NullableInstant(int ordinal, string column) => reader.IsDBNull(ordinal) ? null : Instant(ordinal, column);

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

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
