namespace ExportKit.Storage;

/// <summary>The names a job's status and kind are stored under in every SQL store: lower-case, the closed sets the tables' CHECKs hold.</summary>
internal static class ExportJobNames
{
    public static string Of(ExportJobStatus status) => status switch
    {
        ExportJobStatus.Queued => "queued",
        ExportJobStatus.Processing => "processing",
        ExportJobStatus.Success => "success",
        ExportJobStatus.Failed => "failed",
        ExportJobStatus.Cancelled => "cancelled",
        ExportJobStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Not an export job status."),
    };

    public static string Of(ExportJobKind kind) => kind switch
    {
        ExportJobKind.AuditCsv => "audit-csv",
        ExportJobKind.Bundle => "bundle",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an export job kind."),
    };

    public static ExportJobStatus? StatusOf(string name)
    {
        foreach (var status in Enum.GetValues<ExportJobStatus>())
        {
            if (string.Equals(Of(status), name, StringComparison.Ordinal))
            {
                return status;
            }
        }

        return null;
    }

    public static ExportJobKind? KindOf(string name)
    {
        foreach (var kind in Enum.GetValues<ExportJobKind>())
        {
            if (string.Equals(Of(kind), name, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }
}
