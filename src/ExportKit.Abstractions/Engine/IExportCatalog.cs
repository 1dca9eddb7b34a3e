namespace ExportKit;

/// <summary>
/// Lists what an engine can export: its categories and formats, the built-in ones and the host's. The engine ExportKit
/// builds implements it, and <c>AddExportKit()</c> registers it as a service.
/// </summary>
public interface IExportCatalog
{
    /// <summary>Gets the categories the engine knows, in ordinal order of their ids.</summary>
    IReadOnlyList<ExportCategory> Categories { get; }

    /// <summary>Gets the formats the engine has a formatter for, in ordinal order of their ids.</summary>
    IReadOnlyList<ExportFormat> Formats { get; }
}
