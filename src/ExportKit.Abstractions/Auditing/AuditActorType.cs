namespace ExportKit;

/// <summary>What kind of actor caused an audit event.</summary>
public enum AuditActorType
{
    /// <summary>A signed-in person (<c>user</c>).</summary>
    User,

    /// <summary>The application itself (<c>system</c>).</summary>
    System,

    /// <summary>An API client (<c>api</c>).</summary>
    Api,

    /// <summary>An inbound webhook (<c>webhook</c>).</summary>
    Webhook,
}
