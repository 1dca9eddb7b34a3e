using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// The shared strict row decoder (<see cref="StoreRowDecoder"/>) on SQLite: each value must have the storage class the
/// stores write, because the queries compare them as such (a tenant id stored as a BLOB is never equal to the TEXT
/// parameter of a query), and a flag is the INTEGER 0 or 1.
/// </summary>
internal sealed class SqliteRowDecoder(SqliteDataReader reader) : StoreRowDecoder(reader)
{
    /// <summary>A TEXT value or NULL.</summary>
    public override string? NullableText(int ordinal, string column)
    {
        var value = Reader.GetValue(ordinal);
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

    public override long Integer(int ordinal, string column)
    {
        var value = Reader.GetValue(ordinal);
        if (value is long number)
        {
            return number;
        }

        Fail(column, $"{Describe(value)} where an INTEGER is required");
        return 0;
    }

    /// <summary>The INTEGER 0 or 1.</summary>
    public override bool Boolean(int ordinal, string column)
    {
        var value = Integer(ordinal, column);
        if (value is not (0 or 1))
        {
            Fail(column, $"{value.ToString(CultureInfo.InvariantCulture)} is neither 0 nor 1");
        }

        return value == 1;
    }

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
