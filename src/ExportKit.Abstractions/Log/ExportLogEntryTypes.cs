namespace ExportKit;

/// <summary>The four kinds of export log entry.</summary>
public static class ExportLogEntryTypes
{
    /// <summary>An export was written.</summary>
    public const string ExportGenerated = "export-generated";

    /// <summary>An export was downloaded.</summary>
    public const string ExportDownloaded = "export-downloaded";

    /// <summary>Policy decided on a query.</summary>
    public const string PolicyDecision = "policy-decision";

    /// <summary>An export failed or was refused before policy.</summary>
    public const string Error = "error";
}
