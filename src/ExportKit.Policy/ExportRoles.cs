namespace ExportKit.Policy;

/// <summary>The roles the built-in policy rules check; roles compare case-insensitively.</summary>
public static class ExportRoles
{
    /// <summary>May export the executive-level categories and the compliance pack.</summary>
    public const string Executive = "executive";

    /// <summary>May export the executive-level categories and the compliance pack.</summary>
    public const string Admin = "admin";

    /// <summary>May export the compliance pack.</summary>
    public const string Auditor = "auditor";
}
