using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>Binds the shared row mappings' values on SQLite: <c>@name</c>, types from the values, a flag as 0 or 1.</summary>
internal sealed class SqliteParameters : StoreParameters
{
    public static readonly SqliteParameters Instance = new();

    private SqliteParameters()
    {
    }

    public override void AddText(DbParameterCollection parameters, string name, string? value) => Add(parameters, name, value);

    public override void AddBigint(DbParameterCollection parameters, string name, long? value) => Add(parameters, name, value);

    public override void AddValue(DbParameterCollection parameters, string name, object value) => Add(parameters, name, value);

    public override void AddFlag(DbParameterCollection parameters, string name, bool value) => Add(parameters, name, value ? 1 : 0);

    public override void AddJson(DbParameterCollection parameters, string name, string value) => Add(parameters, name, value);

    private static void Add(DbParameterCollection parameters, string name, object? value) =>
        parameters.Add(new SqliteParameter("@" + name, value ?? DBNull.Value));
}
