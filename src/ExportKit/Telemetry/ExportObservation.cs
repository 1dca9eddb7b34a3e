using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace ExportKit.Telemetry;

/// <summary>Reports one export attempt's outcome to the host's logs, traces and metrics.</summary>
internal static class ExportObservation
{
    public const string Written = "written";
    public const string Denied = "denied";
    public const string Failed = "failed";

    public static void Record(ILogger logger, Activity? activity, ExportQuery query, ExportPrincipal? principal, ExportResult result, TimeSpan elapsed)
    {
        var category = query.Category.Value;
        var format = query.Format.Value;
        var outcome = result.Succeeded ? Written : result.ErrorCode == ExportErrorCodes.PolicyDenied ? Denied : Failed;
        var tags = new TagList { { ExportInstrumentation.CategoryTag, category }, { ExportInstrumentation.FormatTag, format } };
        var durationTags = tags;
        durationTags.Add(ExportInstrumentation.OutcomeTag, outcome);
        if (outcome == Failed)
        {
            durationTags.Add(ExportInstrumentation.ErrorTypeTag, result.ErrorCode);
        }

        ExportInstrumentation.Duration.Record(elapsed.TotalSeconds, durationTags);
        activity?.SetTag(ExportInstrumentation.OutcomeTag, outcome);
        var user = principal?.UserId ?? "anonymous";
        switch (outcome)
        {
            case Written when result.Succeeded:
                var items = result.Bundle.Metadata.TotalItems;
                ExportInstrumentation.Exports.Add(1, tags);
                ExportInstrumentation.Items.Add(items, tags);
                ExportInstrumentation.Bytes.Add(result.SizeBytes, tags);
                activity?.SetTag("exportkit.export_id", result.ExportId);
                if (logger.IsEnabled(LogLevel.Debug))
                {
                    ExportEngineLog.Allowed(logger, result.QueryId, category, format, query.Scope.TenantId, user, result.Policy!.Reason);
                }

                ExportEngineLog.Written(logger, result.ExportId, category, format, query.Scope.TenantId, items, result.SizeBytes, result.Sha256);
                break;
            case Denied:
                ExportInstrumentation.Denials.Add(1, tags);
                activity?.SetStatus(ActivityStatusCode.Error, "denied by policy");
                activity?.SetTag(ExportInstrumentation.ErrorTypeTag, result.ErrorCode);
                ExportEngineLog.Denied(logger, result.QueryId, category, format, query.Scope.TenantId, user, string.Join("; ", result.Violations));
                break;
            default:
                tags.Add(ExportInstrumentation.ErrorTypeTag, result.ErrorCode);
                ExportInstrumentation.Failures.Add(1, tags);
                activity?.SetStatus(ActivityStatusCode.Error, result.ErrorMessage);
                activity?.SetTag(ExportInstrumentation.ErrorTypeTag, result.ErrorCode);
                ExportEngineLog.Failed(logger, result.QueryId, category, format, query.Scope.TenantId, result.ErrorCode!, result.ErrorMessage!);
                break;
        }
    }
}
