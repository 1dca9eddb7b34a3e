namespace ExportKit;

/// <summary>What an export job writes.</summary>
public enum ExportJobKind
{
    /// <summary>A query of the audit trail as CSV (seed 003); <see cref="ExportJob.FiltersJson"/> holds the audit query.</summary>
    AuditCsv,

    /// <summary>A bundle of any category in any format (seed 001); <see cref="ExportJob.FiltersJson"/> holds the export query.</summary>
    Bundle,
}
