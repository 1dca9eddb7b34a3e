using System.Globalization;
using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// The shared strict row decoder (<see cref="StoreRowDecoder"/>) on PostgreSQL: the schema's CHECKs hold each value's
/// shape, unless someone dropped them; numbers come back as <c>bigint</c> or <c>integer</c>, flags as booleans.
/// </summary>
internal sealed class PostgreSqlRowDecoder(NpgsqlDataReader reader) : StoreRowDecoder(reader)
{
    public override string? NullableText(int ordinal, string column)
    {
        switch (Reader.GetValue(ordinal))
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

    public override long Integer(int ordinal, string column)
    {
        switch (Reader.GetValue(ordinal))
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

    public override bool Boolean(int ordinal, string column)
    {
        if (Reader.GetValue(ordinal) is bool value)
        {
            return value;
        }

        Fail(column, "NULL or not a boolean where a boolean is required");
        return false;
    }

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
