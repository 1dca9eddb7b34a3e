using System.Data.Common;

namespace ExportKit.Storage;

/// <summary>
/// How one database binds each kind of value the stores write: the shared row mappings say which value goes where, the
/// provider says how (SQLite wants <c>@name</c> and stores a flag as 0 or 1; PostgreSQL types its text and bigint
/// parameters and has a boolean). A <see langword="null"/> value is bound as SQL NULL.
/// </summary>
internal abstract class StoreParameters
{
    public abstract void AddText(DbParameterCollection parameters, string name, string? value);

    public abstract void AddBigint(DbParameterCollection parameters, string name, long? value);

    /// <summary>A value whose database type the driver infers from its .NET type (a page size, a counter).</summary>
    public abstract void AddValue(DbParameterCollection parameters, string name, object value);

    public abstract void AddFlag(DbParameterCollection parameters, string name, bool value);

    /// <summary>A JSON text (SQLite keeps it as TEXT; PostgreSQL checks it is JSON and keeps the text as written).</summary>
    public abstract void AddJson(DbParameterCollection parameters, string name, string value);

    /// <summary>An instant as the stores keep it: fixed-width UTC text, so that text order is time order.</summary>
    public void AddInstant(DbParameterCollection parameters, string name, DateTimeOffset? instant) =>
        AddText(parameters, name, instant is { } value ? ExportValueText.FormatInstant(value) : null);
}
