using ExportKit.Assembly;
using ExportKit.Engine.Destinations;

namespace ExportKit.Engine;

/// <summary>
/// What an attempt leaves on record. All or nothing: an export is recorded — registry record, audit event, then the
/// log's <c>export-generated</c> entry, which is what statistics count — only after its bytes are in place under their
/// final name; when the bytes cannot be placed or a record is refused, the bytes are removed and the log gets one
/// <c>error</c> entry instead. The registry and the audit trail are append-only, so a record written before a later
/// one was refused stays; the error entry names it.
/// </summary>
internal sealed partial class ExportEngine
{
    private async Task<ExportResult> CommitAsync(Attempt attempt, AssembledBundle built, long size, string sha256, ExportDestination destination)
    {
        var bundle = built.Bundle;
        var fileName = FileName(bundle);

        // Checked before anything is placed: a record refused afterwards would leave a file that no record names.
        string? conflict;
        try
        {
            conflict = await recorder.FindConflictAsync(bundle, size, sha256).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever the registry throws, the export fails as RecordFailed and the file is discarded.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return await DiscardAndFailAsync(attempt, destination, ExportErrorCodes.RecordFailed, $"The export registry could not be read ({ex.Message}); nothing was recorded.", ex).ConfigureAwait(false);
        }

        if (conflict is not null)
        {
            return await DiscardAndFailAsync(attempt, destination, ExportErrorCodes.RecordFailed, conflict, null).ConfigureAwait(false);
        }

        string? storagePath;
        try
        {
            storagePath = await destination.PlaceAsync(fileName, CancellationToken.None).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Whatever placing throws, the export fails as StorageFailed and the file is discarded.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return await DiscardAndFailAsync(attempt, destination, ExportErrorCodes.StorageFailed, $"The export could not be put in place as '{fileName}': {ex.Message}", ex).ConfigureAwait(false);
        }

        try
        {
            await recorder.RecordAsync(attempt.Query, bundle, size, sha256, storagePath).ConfigureAwait(false);
        }
        catch (ExportRecordingException ex)
        {
            return await DiscardAndFailAsync(attempt, destination, ExportErrorCodes.RecordFailed, ex.Message, ex.InnerException).ConfigureAwait(false);
        }

        if (await TryAppendAsync(GeneratedEntry(attempt, built, size)).ConfigureAwait(false) is { } unlogged)
        {
            var message = $"The export log refused the export-generated entry of {bundle.ExportId} ({unlogged}); its registry record and audit event remain, and name a file that was removed.";
            return await DiscardAndFailAsync(attempt, destination, ExportErrorCodes.RecordFailed, message, null).ConfigureAwait(false);
        }

        return ExportResult.Success(attempt.QueryId, attempt.Decision, bundle, fileName, size, sha256, built.RecordsDropped);
    }

    // Named after the execution, not the content: two exports of the same content differ in their export id and time,
    // and one must never overwrite the file another's registry record points to.
    private static string FileName(ExportBundle bundle) => bundle.ExportId + bundle.Format.Extension;

    private async Task<ExportResult> DiscardAndFailAsync(Attempt attempt, ExportDestination destination, string code, string message, Exception? exception)
    {
        var leftover = await destination.DiscardAsync().ConfigureAwait(false);
        return await FailAsync(attempt, code, leftover is null ? message : message + " " + leftover, exception?.GetType().FullName).ConfigureAwait(false);
    }

    private async Task<ExportResult> FailAsync(Attempt attempt, string code, string message, string? details = null)
    {
        var entry = new ExportErrorEntry
        {
            Timestamp = time.GetUtcNow(),
            TenantId = attempt.Query.Scope.TenantId,
            FacilityId = attempt.Query.Scope.FacilityId,
            QueryId = attempt.QueryId,
            ErrorCode = code,
            Message = message,
            Details = details,
            RequestedBy = attempt.Principal?.UserId ?? Anonymous,
        };
        if (await TryAppendAsync(entry).ConfigureAwait(false) is { } unlogged)
        {
            message += $" The export log could not record this error either ({unlogged}).";
        }

        return ExportResult.Failure(attempt.QueryId, attempt.Decision, attempt.Query.Format, code, message);
    }

    private ExportGeneratedEntry GeneratedEntry(Attempt attempt, AssembledBundle built, long size) => new()
    {
        Timestamp = time.GetUtcNow(),
        TenantId = attempt.Query.Scope.TenantId,
        FacilityId = attempt.Query.Scope.FacilityId,
        ExportId = built.Bundle.ExportId,
        BundleId = built.Bundle.BundleId,
        Category = built.Bundle.Category.Value,
        Format = built.Bundle.Format.Value,
        SectionsGenerated = built.Bundle.Sections.Count,
        ItemsIncluded = built.Bundle.Metadata.TotalItems,
        SizeBytes = size,
        GenerationTimeMs = (long)time.GetElapsedTime(attempt.Started).TotalMilliseconds,
        RecordsDropped = built.RecordsDropped,
        GeneratedBy = attempt.Query.RequestedBy,
        DataSources = attempt.DataSources,
    };

    private PolicyDecisionEntry DecisionEntry(Attempt attempt, PolicyDecision decision) => new()
    {
        Timestamp = time.GetUtcNow(),
        TenantId = attempt.Query.Scope.TenantId,
        FacilityId = attempt.Query.Scope.FacilityId,
        FederationId = attempt.Query.Scope.FederationId,
        QueryId = attempt.QueryId,
        Decision = decision,
        RequestedBy = attempt.Principal?.UserId ?? Anonymous,
    };

    /// <summary>
    /// Appends a log entry whatever the caller's cancellation (every decision and failure is on record).
    /// </summary>
    /// <returns><see langword="null"/> when written, or why the store refused it.</returns>
    private async Task<string?> TryAppendAsync(ExportLogEntry entry)
    {
        try
        {
            await log.AppendAsync(entry, CancellationToken.None).ConfigureAwait(false);
            return null;
        }
#pragma warning disable CA1031 // A refused log entry is reported to the caller as a failed result, never thrown past it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }
}
