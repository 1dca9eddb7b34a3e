namespace ExportKit.Audit;

public sealed partial class AuditTrail
{
    /// <summary>
    /// Exports every event of the query's tenant that matches its filters as CSV (see <see cref="AuditCsv"/>), for a
    /// principal allowed to: one holding <see cref="AuditPermissions.ExportCreate"/> (in the audit governance roles,
    /// owner and admin) in the same tenant.
    /// </summary>
    /// <param name="query">The tenant and filters; limit and offset are ignored.</param>
    /// <param name="principal">Who asks for the export.</param>
    /// <param name="destination">Where to write; left open.</param>
    /// <param name="cancellationToken">Cancels the read and the writes.</param>
    /// <returns>A task that completes when the CSV is written.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A filter is invalid, or <paramref name="destination"/> cannot be written to.</exception>
    /// <exception cref="UnauthorizedAccessException">The principal lacks the permission or belongs to another tenant; nothing is written.</exception>
    public Task ExportCsvAsync(AuditQuery query, ExportPrincipal principal, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(principal);
        if (!principal.HasPermission(AuditPermissions.ExportCreate))
        {
            throw new UnauthorizedAccessException(
                $"Admin role required: user {principal.UserId} lacks the {AuditPermissions.ExportCreate} permission that exporting the audit log needs (roles owner and admin hold it).");
        }

        if (!string.Equals(principal.TenantId, query.TenantId, StringComparison.Ordinal))
        {
            throw new UnauthorizedAccessException(
                $"Admin role required in tenant {query.TenantId}: user {principal.UserId} belongs to tenant {principal.TenantId} and may export only its audit log.");
        }

        return AuditCsv.WriteAsync(store, query, destination, cancellationToken);
    }
}
