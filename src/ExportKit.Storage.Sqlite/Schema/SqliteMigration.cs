namespace ExportKit.Storage.Sqlite;

/// <summary>One numbered step of the schema.</summary>
/// <param name="Version">The version the database has after the step; steps are numbered from 1 without gaps.</param>
/// <param name="Description">What the step does, recorded beside its number.</param>
/// <param name="Sql">The statements, run in the migration's transaction.</param>
internal sealed record SqliteMigration(int Version, string Description, string Sql);
