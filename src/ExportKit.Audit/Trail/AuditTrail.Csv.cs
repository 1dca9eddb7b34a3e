namespace ExportKit.Audit;

public sealed partial class AuditTrail
{
    /// <inheritdoc />
    /// <remarks>The CSV's layout is <see cref="AuditCsv"/>'s.</remarks>
    public Task ExportCsvAsync(AuditQuery query, ExportPrincipal principal, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(destination);
        AuditAccess.CheckExport(query, principal);
        return AuditCsv.WriteAsync(store, query, destination, cancellationToken);
    }
}
