using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace ExportKit.Storage.PostgreSql;

/// <summary>Binds the shared row mappings' values on PostgreSQL: text and bigint typed, a flag as a boolean.</summary>
internal sealed class PostgreSqlParameters : StoreParameters
{
    public static readonly PostgreSqlParameters Instance = new();

    private PostgreSqlParameters()
    {
    }

    public override void AddText(DbParameterCollection parameters, string name, string? value) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = (object?)value ?? DBNull.Value });

    public override void AddBigint(DbParameterCollection parameters, string name, long? value) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = value.HasValue ? value.Value : DBNull.Value });

    public override void AddValue(DbParameterCollection parameters, string name, object value) =>
        parameters.Add(new NpgsqlParameter(name, value));

    public override void AddFlag(DbParameterCollection parameters, string name, bool value) =>
        parameters.Add(new NpgsqlParameter(name, value));

    public override void AddJson(DbParameterCollection parameters, string name, string value) =>
        parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Json) { Value = value });
}
