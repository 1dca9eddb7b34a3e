namespace ExportKit;

/// <summary>Makes the ids of executions and queries. Replace it to make exports reproducible in tests.</summary>
public interface IExportIdGenerator
{
    /// <summary>Makes a new, unique id.</summary>
    /// <param name="prefix">A short prefix naming what the id is for, for example <c>exp</c> or <c>qry</c>.</param>
    /// <returns>The id, for example <c>exp_5f0c…</c>.</returns>
    string NewId(string prefix);
}
