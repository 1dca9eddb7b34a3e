namespace ExportKit;

/// <summary>How serious an audit event is.</summary>
public enum AuditSeverity
{
    /// <summary>Normal activity (<c>info</c>).</summary>
    Info,

    /// <summary>Something to look at (<c>warning</c>).</summary>
    Warning,

    /// <summary>A failure (<c>error</c>).</summary>
    Error,

    /// <summary>A failure that needs action now (<c>critical</c>).</summary>
    Critical,
}
