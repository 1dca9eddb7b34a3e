namespace ExportKit.Storage.Sqlite;

/// <summary>One table of <see cref="StrictTables"/>.</summary>
/// <param name="Name">The table's name.</param>
/// <param name="Key">The column that names a row in an error message (the primary key).</param>
/// <param name="Columns">The column definitions, between the parentheses of <c>CREATE TABLE</c>.</param>
/// <param name="IndexesAndTriggers">The statements that create the table's indexes and append-only triggers.</param>
internal sealed record StrictTable(string Name, string Key, string Columns, string IndexesAndTriggers)
{
    /// <summary>The name the table is built under before it replaces the old one.</summary>
    public string NewName => Name + "_strict";

    /// <summary>The column names, in order, as a select list.</summary>
    public string ColumnList => string.Join(", ", Columns
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(line => line.Split(' ', 2)[0]));
}
