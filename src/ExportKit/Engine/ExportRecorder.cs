namespace ExportKit.Engine;

/// <summary>
/// What a written export leaves behind besides the export log: an entry in the export registry (which run produced
/// which file, where, with which checksum) and an <c>export.{format}.generated</c> audit event; and what a download
/// leaves: an <c>export.downloaded</c> audit event. Both events carry the request metadata of the call that caused them.
/// </summary>
internal sealed class ExportRecorder(IExportRegistry registry, IAuditTrail auditTrail)
{
    /// <summary>
    /// Says why the registry would refuse this export — its export id already names other bytes — or
    /// <see langword="null"/> when the id is free or names exactly these bytes (a reproducible export repeated).
    /// </summary>
    public async Task<string?> FindConflictAsync(ExportBundle bundle, long size, string sha256)
    {
        var existing = await registry.FindAsync(bundle.Scope.TenantId, bundle.ExportId, CancellationToken.None).ConfigureAwait(false);
        if (existing is null || (existing.SizeBytes == size && string.Equals(existing.Sha256, sha256, StringComparison.Ordinal)))
        {
            return null;
        }

        return $"The export id '{bundle.ExportId}' is already recorded for another file (sha256 {existing.Sha256}, {existing.SizeBytes} bytes); nothing was recorded or kept. Export ids must be unique per export: check the IExportIdGenerator.";
    }

    /// <summary>Finds an export the registry knows, or <see langword="null"/>.</summary>
    public ValueTask<ExportRecord?> FindAsync(string tenantId, string exportId, CancellationToken cancellationToken) =>
        registry.FindAsync(tenantId, exportId, cancellationToken);

    /// <summary>Records a download of a known export in the audit trail (<c>export.downloaded</c>).</summary>
    public Task RecordDownloadAsync(ExportRecord record, ExportDownload download, string fileName) =>
        // Not cancellable: the download is already in the export log, so its audit event must follow.
        auditTrail.RecordAsync(
            new AuditEventDraft
            {
                EventType = AuditEventTypes.ExportDownloaded,
                TenantId = record.TenantId,
                ActorType = AuditActorType.User,
                UserId = download.DownloadedBy,
                ResourceType = "export",
                ResourceId = record.ExportId,
                Request = download.Request,
                Context = new
                {
                    exportId = record.ExportId,
                    bundleId = record.BundleId,
                    format = record.Format,
                    fileName,
                    sizeBytes = record.SizeBytes,
                    sha256 = record.Sha256,
                },
            },
            CancellationToken.None);

    /// <summary>Records the export in the registry, then in the audit trail.</summary>
    /// <exception cref="ExportRecordingException">A store refused; the message says which, and what is already recorded.</exception>
    public async Task RecordAsync(ExportQuery query, ExportBundle bundle, long size, string sha256, string? storagePath)
    {
        var record = new ExportRecord
        {
            ExportId = bundle.ExportId,
            BundleId = bundle.BundleId,
            TenantId = bundle.Scope.TenantId,
            RunId = query.RunId,
            Category = bundle.Category.Value,
            Format = bundle.Format.Value,
            Sections = bundle.Sections.Select(s => s.SectionId).ToArray(),
            StoragePath = storagePath,
            SizeBytes = size,
            Sha256 = sha256,
            CreatedAt = bundle.Metadata.GeneratedAt,
            CreatedBy = query.RequestedBy,
        };

        // Not cancellable: the bytes are in place, so their records must be written or the bytes removed.
        try
        {
            await registry.AddAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw new ExportRecordingException($"The export registry refused export {record.ExportId} ({ex.GetType().Name}: {ex.Message}); nothing was recorded and the file was removed.", ex);
        }

        try
        {
            await auditTrail.RecordAsync(GeneratedEvent(record, bundle.Format, query.Request), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            throw new ExportRecordingException($"The audit trail refused the {AuditEventTypes.ExportGenerated(bundle.Format)} event of export {record.ExportId} ({ex.GetType().Name}: {ex.Message}); the file was removed, and its registry record (append-only) remains.", ex);
        }
    }

    private static AuditEventDraft GeneratedEvent(ExportRecord record, ExportFormat format, RequestMetadata? request) => new()
    {
        Request = request,
        EventType = AuditEventTypes.ExportGenerated(format),
        TenantId = record.TenantId,
        ActorType = AuditActorType.User,
        UserId = record.CreatedBy,
        ResourceType = "export",
        ResourceId = record.ExportId,
        Context = new
        {
            exportId = record.ExportId,
            bundleId = record.BundleId,
            runId = record.RunId,
            category = record.Category,
            format = record.Format,
            sections = record.Sections,
            storagePath = record.StoragePath,
            sizeBytes = record.SizeBytes,
            sha256 = record.Sha256,
        },
    };
}
