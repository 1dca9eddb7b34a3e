namespace ExportKit;

/// <summary>The event types the audit specification names. Any other dotted lower-case name is allowed too.</summary>
public static class AuditEventTypes
{
    /// <summary>The <c>auth.login</c> event.</summary>
    public const string AuthLogin = "auth.login";
    /// <summary>The <c>auth.logout</c> event.</summary>
    public const string AuthLogout = "auth.logout";
    /// <summary>The <c>auth.failed</c> event.</summary>
    public const string AuthFailed = "auth.failed";
    /// <summary>The <c>user.created</c> event.</summary>
    public const string UserCreated = "user.created";
    /// <summary>The <c>user.updated</c> event.</summary>
    public const string UserUpdated = "user.updated";
    /// <summary>The <c>user.deleted</c> event.</summary>
    public const string UserDeleted = "user.deleted";
    /// <summary>The <c>org.created</c> event.</summary>
    public const string OrgCreated = "org.created";
    /// <summary>The <c>org.updated</c> event.</summary>
    public const string OrgUpdated = "org.updated";
    /// <summary>The <c>org.deleted</c> event.</summary>
    public const string OrgDeleted = "org.deleted";
    /// <summary>The <c>billing.subscription_created</c> event.</summary>
    public const string BillingSubscriptionCreated = "billing.subscription_created";
    /// <summary>The <c>billing.subscription_updated</c> event.</summary>
    public const string BillingSubscriptionUpdated = "billing.subscription_updated";
    /// <summary>The <c>playbook.created</c> event.</summary>
    public const string PlaybookCreated = "playbook.created";
    /// <summary>The <c>playbook.executed</c> event.</summary>
    public const string PlaybookExecuted = "playbook.executed";
    /// <summary>The <c>playbook.deleted</c> event.</summary>
    public const string PlaybookDeleted = "playbook.deleted";
    /// <summary>The <c>content.created</c> event.</summary>
    public const string ContentCreated = "content.created";
    /// <summary>The <c>content.updated</c> event.</summary>
    public const string ContentUpdated = "content.updated";
    /// <summary>The <c>content.published</c> event.</summary>
    public const string ContentPublished = "content.published";
    /// <summary>The <c>system.error</c> event.</summary>
    public const string SystemError = "system.error";
    /// <summary>The <c>system.maintenance</c> event.</summary>
    public const string SystemMaintenance = "system.maintenance";

    /// <summary>The event an accepted export job request writes, with its filters: <c>audit.export.requested</c>.</summary>
    public const string ExportRequested = "audit.export.requested";

    /// <summary>The event a cancelled (or cancel-requested) export job writes, naming who cancelled it: <c>audit.export.cancelled</c>.</summary>
    public const string ExportCancelled = "audit.export.cancelled";

    /// <summary>The event a recorded download writes: <c>export.downloaded</c>.</summary>
    public const string ExportDownloaded = "export.downloaded";

    /// <summary>The event an export writes: <c>export.{format}.generated</c>, for example <c>export.zip.generated</c>.</summary>
    /// <param name="format">The export's format.</param>
    /// <returns>The event type.</returns>
    public static string ExportGenerated(ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return $"export.{format.Value}.generated";
    }
}
