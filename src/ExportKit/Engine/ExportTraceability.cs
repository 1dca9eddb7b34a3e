namespace ExportKit.Engine;

/// <summary>
/// What a written export leaves behind besides the export log: an entry in the export registry (which run produced
/// which file, where, with which checksum) and an <c>export.{format}.generated</c> audit event.
/// </summary>
internal sealed class ExportTraceability(IExportRegistry registry, IAuditTrail auditTrail)
{
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

        // Not cancellable: the file exists, so its record must too.
        await registry.AddAsync(record, CancellationToken.None).ConfigureAwait(false);
        await auditTrail.RecordAsync(
            new AuditEventDraft
            {
                EventType = AuditEventTypes.ExportGenerated(bundle.Format),
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
            },
            CancellationToken.None).ConfigureAwait(false);
    }
}
