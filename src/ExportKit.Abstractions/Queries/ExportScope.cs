namespace ExportKit;

/// <summary>
/// Whose data an export covers: a tenant, optionally narrowed to a facility, optionally within a federation. Two scopes
/// are equal when their ids are (ordinal).
/// </summary>
public sealed class ExportScope : IEquatable<ExportScope>
{
    /// <summary>Creates a scope.</summary>
    /// <param name="tenantId">The tenant whose data is exported; required.</param>
    /// <param name="facilityId">Narrows the export to one facility of the tenant, or <see langword="null"/> for all.</param>
    /// <param name="federationId">The federation the export is made for, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is empty, or an id is blank or holds a control character (such as a trailing newline).</exception>
    public ExportScope(string tenantId, string? facilityId = null, string? federationId = null)
    {
        TenantId = IdText.Check(tenantId, nameof(tenantId), "An export scope needs a tenant id: pass the tenant whose data is exported.");
        FacilityId = IdText.CheckOptional(facilityId, nameof(facilityId), "The facility id is blank: pass null to export every facility of the tenant.");
        FederationId = IdText.CheckOptional(federationId, nameof(federationId), "The federation id is blank: pass null when the export is not made for a federation.");
    }

    /// <summary>Gets the tenant whose data is exported.</summary>
    public string TenantId { get; }

    /// <summary>Gets the facility the export is narrowed to, or <see langword="null"/> for all of the tenant's.</summary>
    public string? FacilityId { get; }

    /// <summary>Gets the federation the export is made for, or <see langword="null"/>.</summary>
    public string? FederationId { get; }

    /// <summary>Tells whether a record belongs to this scope (same tenant; same facility when one is set).</summary>
    /// <param name="tenantId">The record's tenant.</param>
    /// <param name="facilityId">The record's facility.</param>
    /// <returns><see langword="true"/> when the record may be exported under this scope.</returns>
    public bool Contains(string tenantId, string? facilityId) =>
        string.Equals(tenantId, TenantId, StringComparison.Ordinal)
        && (FacilityId is null || string.Equals(facilityId, FacilityId, StringComparison.Ordinal));

    /// <summary>Compares two scopes by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or equal.</returns>
    public static bool operator ==(ExportScope? left, ExportScope? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two scopes by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ExportScope? left, ExportScope? right) => !(left == right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExportScope);

    /// <inheritdoc />
    public bool Equals(ExportScope? other) =>
        other is not null
        && string.Equals(TenantId, other.TenantId, StringComparison.Ordinal)
        && string.Equals(FacilityId, other.FacilityId, StringComparison.Ordinal)
        && string.Equals(FederationId, other.FederationId, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(
        StringComparer.Ordinal.GetHashCode(TenantId),
        FacilityId is null ? 0 : StringComparer.Ordinal.GetHashCode(FacilityId),
        FederationId is null ? 0 : StringComparer.Ordinal.GetHashCode(FederationId));
}
