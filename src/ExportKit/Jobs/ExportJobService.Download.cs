using System.Globalization;
using System.Security.Cryptography;
using ExportKit.Audit;

namespace ExportKit.Jobs;

/// <summary>Downloads: access, status, expiry and the file's SHA-256 checked before a byte is served; then logged and audited.</summary>
internal sealed partial class ExportJobService
{
    public async Task<ExportJobDownload> OpenDownloadAsync(string jobId, ExportPrincipal principal, RequestMetadata? request = null, CancellationToken cancellationToken = default)
    {
        var job = await FindForAsync(jobId, principal, AuditPermissions.ExportDownload, "downloading an export file", cancellationToken).ConfigureAwait(false);
        ThrowIfNotDownloadable(job, time.GetUtcNow());
        var stream = await files.OpenReadAsync(job.FilePath!, cancellationToken).ConfigureAwait(false)
            ?? throw Changed(job, "is missing from the file store");
        try
        {
            var sha256 = Convert.ToHexString(await SHA256.HashDataAsync(stream, cancellationToken).ConfigureAwait(false)).ToLowerInvariant();
            if (!string.Equals(sha256, job.Sha256, StringComparison.Ordinal) || stream.Length != job.FileSizeBytes)
            {
                throw Changed(job, $"has changed since it was written (SHA-256 {sha256}, {stream.Length} bytes; recorded {job.Sha256}, {job.FileSizeBytes} bytes)");
            }

            stream.Position = 0;
            var download = new ExportJobDownload
            {
                Content = stream,
                FileName = job.FilePath!,
                SizeBytes = job.FileSizeBytes!.Value,
                Sha256 = sha256,
                ContentType = ExportJobFilters.ContentType(job),
            };
            await RecordDownloadAsync(job, principal, request, download.FileName, cancellationToken).ConfigureAwait(false);
            return download;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static void ThrowIfNotDownloadable(ExportJob job, DateTimeOffset now)
    {
        if (job.Status == ExportJobStatus.Expired || (job.Status == ExportJobStatus.Success && job.ExpiresAt <= now))
        {
            throw new ExportJobException(
                ExportJobErrorCodes.Expired,
                $"Export job {job.Id}'s file expired at {job.ExpiresAt?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)} and is removed; the record is kept. Create a new job to export again.")
            { JobId = job.Id, ExpiredAt = job.ExpiresAt };
        }

        if (job.Status != ExportJobStatus.Success || job.FilePath is null)
        {
            var why = job.Status switch
            {
                ExportJobStatus.Failed => $"it failed ({job.ErrorCode}: {job.ErrorMessage}); create a new job",
                ExportJobStatus.Cancelled => "it was cancelled; create a new job",
                _ => $"it is {job.Status.ToString().ToLowerInvariant()}; poll its status and download once it is success",
            };
            throw new ExportJobException(ExportJobErrorCodes.NotReady, $"Export job {job.Id} has no file to download: {why}.") { JobId = job.Id };
        }
    }

    private static ExportJobException Changed(ExportJob job, string what) => new(
        ExportJobErrorCodes.FileChanged,
        $"The file of export job {job.Id} ({job.FilePath}) {what}; nothing was served. Create a new job to export again, and look into what changed the storage directory.")
    { JobId = job.Id };

    private async Task RecordDownloadAsync(ExportJob job, ExportPrincipal principal, RequestMetadata? request, string fileName, CancellationToken cancellationToken)
    {
        if (job.Kind == ExportJobKind.Bundle && job.ExportId is not null)
        {
            // The engine logs export-downloaded and audits export.downloaded from its registry's record of the export.
            await engine.RecordDownloadAsync(new ExportDownload(job.TenantId, job.ExportId, principal.UserId) { FileName = fileName, Request = request }, cancellationToken).ConfigureAwait(false);
            return;
        }

        await log.AppendAsync(
            new ExportDownloadedEntry
            {
                Timestamp = time.GetUtcNow(),
                TenantId = job.TenantId,
                BundleId = job.Id,
                Format = "csv",
                FileName = fileName,
                SizeBytes = job.FileSizeBytes ?? 0,
                DownloadedBy = principal.UserId,
            },
            cancellationToken).ConfigureAwait(false);

        // Not cancellable: the download is in the export log, so its audit event must follow.
        await auditTrail.RecordAsync(
            new AuditEventDraft
            {
                EventType = AuditEventTypes.ExportDownloaded,
                TenantId = job.TenantId,
                UserId = principal.UserId,
                ResourceType = "export-job",
                ResourceId = job.Id,
                Request = request,
                Context = new { jobId = job.Id, fileName, sizeBytes = job.FileSizeBytes, sha256 = job.Sha256, rowCount = job.RowCount },
            },
            CancellationToken.None).ConfigureAwait(false);
    }
}
