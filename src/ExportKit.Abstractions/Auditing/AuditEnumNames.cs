namespace ExportKit;

/// <summary>The lower-case names of severities and actor types, as the query language and CSV use them.</summary>
public static class AuditEnumNames
{
    /// <summary>Gets the name of a severity, for example <c>critical</c>.</summary>
    /// <param name="severity">The severity.</param>
    /// <returns>The name.</returns>
    public static string Of(AuditSeverity severity) => severity switch
    {
        AuditSeverity.Info => "info",
        AuditSeverity.Warning => "warning",
        AuditSeverity.Error => "error",
        AuditSeverity.Critical => "critical",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "Unknown severity: use info, warning, error or critical."),
    };

    /// <summary>Gets the name of an actor type, for example <c>webhook</c>.</summary>
    /// <param name="actorType">The actor type.</param>
    /// <returns>The name.</returns>
    public static string Of(AuditActorType actorType) => actorType switch
    {
        AuditActorType.User => "user",
        AuditActorType.System => "system",
        AuditActorType.Api => "api",
        AuditActorType.Webhook => "webhook",
        _ => throw new ArgumentOutOfRangeException(nameof(actorType), actorType, "Unknown actor type: use user, system, api or webhook."),
    };

    /// <summary>Parses a severity name.</summary>
    /// <param name="name">info, warning, error or critical.</param>
    /// <returns>The severity.</returns>
    /// <exception cref="ArgumentException">The name is none of them; the message lists them.</exception>
    public static AuditSeverity ParseSeverity(string name) => name switch
    {
        "info" => AuditSeverity.Info,
        "warning" => AuditSeverity.Warning,
        "error" => AuditSeverity.Error,
        "critical" => AuditSeverity.Critical,
        _ => throw new ArgumentException($"severity '{name}' is unknown: use info, warning, error or critical.", nameof(name)),
    };

    /// <summary>Parses an actor type name.</summary>
    /// <param name="name">user, system, api or webhook.</param>
    /// <returns>The actor type.</returns>
    /// <exception cref="ArgumentException">The name is none of them; the message lists them.</exception>
    public static AuditActorType ParseActorType(string name) => name switch
    {
        "user" => AuditActorType.User,
        "system" => AuditActorType.System,
        "api" => AuditActorType.Api,
        "webhook" => AuditActorType.Webhook,
        _ => throw new ArgumentException($"actorType '{name}' is unknown: use user, system, api or webhook.", nameof(name)),
    };
}
