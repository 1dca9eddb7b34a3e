using System.Text.RegularExpressions;

namespace ExportKit.Audit;

/// <summary>Checks a draft before it is recorded, naming the field that is wrong and what is allowed.</summary>
internal static partial class AuditEventDraftValidator
{
    public static void Validate(AuditEventDraft draft)
    {
        if (string.IsNullOrWhiteSpace(draft.EventType))
        {
            throw new ArgumentException("EventType is blank: give a dotted lower-case name such as user.updated.", nameof(draft));
        }

        if (!EventTypePattern().IsMatch(draft.EventType))
        {
            throw new ArgumentException(
                $"EventType '{draft.EventType}' is not a dotted lower-case name: use at least two parts of a-z, 0-9, _ and - joined by dots, such as user.updated, billing.subscription_created or export.auditor-package.generated.",
                nameof(draft));
        }

        if (string.IsNullOrWhiteSpace(draft.TenantId))
        {
            throw new ArgumentException("TenantId is blank: every event belongs to a tenant (organisation).", nameof(draft));
        }

        if (draft.TenantId.Any(c => char.IsControl(c) || c is '\u2028' or '\u2029'))
        {
            throw new ArgumentException($"TenantId '{draft.TenantId.ReplaceLineEndings(" ")}' holds a control or line-separator character (such as a trailing newline): tenant ids are single-line text.", nameof(draft));
        }

        if (!Enum.IsDefined(draft.Severity))
        {
            throw new ArgumentException($"Severity {(int)draft.Severity} is unknown: use info, warning, error or critical.", nameof(draft));
        }

        if (!Enum.IsDefined(draft.ActorType))
        {
            throw new ArgumentException($"ActorType {(int)draft.ActorType} is unknown: use user, system, api or webhook.", nameof(draft));
        }
    }

    // \z, not $: $ also matches before a final "\n", which let "user.updated\n" pass.
    [GeneratedRegex(@"^[a-z0-9_-]+(\.[a-z0-9_-]+)+\z", RegexOptions.CultureInvariant)]
    private static partial Regex EventTypePattern();
}
