namespace ExportKit;

/// <summary>
/// Who asks for an export: a user of a tenant, with roles and permissions. Policy rules decide on it. Two principals
/// are equal when their ids are equal and they hold the same roles (case-insensitively) and permissions, in any order.
/// </summary>
public sealed class ExportPrincipal : IEquatable<ExportPrincipal>
{
    /// <summary>Creates a principal.</summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="tenantId">The tenant the user belongs to.</param>
    /// <param name="roles">The user's roles, for example <c>auditor</c>, <c>executive</c>, <c>admin</c>.</param>
    /// <param name="permissions">The user's permissions, for example <c>export:long-range</c>.</param>
    /// <exception cref="ArgumentException">The user or tenant id is blank, or a role or permission is blank, or one holds a control character (such as a trailing newline).</exception>
    public ExportPrincipal(string userId, string tenantId, IEnumerable<string>? roles = null, IEnumerable<string>? permissions = null)
    {
        UserId = IdText.Check(userId, nameof(userId), "A principal needs a user id.");
        TenantId = IdText.Check(tenantId, nameof(tenantId), "A principal needs the id of the tenant the user belongs to.");
        Roles = ToSet(roles, nameof(roles), "role");
        Permissions = ToSet(permissions, nameof(permissions), "permission");
    }

    /// <summary>Gets the user's id.</summary>
    public string UserId { get; }

    /// <summary>Gets the tenant the user belongs to.</summary>
    public string TenantId { get; }

    /// <summary>Gets the federation the user belongs to, or <see langword="null"/>.</summary>
    public string? FederationId
    {
        get;
        init => field = IdText.CheckOptional(value, nameof(FederationId), "The federation id is blank: pass null when the user belongs to no federation.");
    }

    /// <summary>Gets the user's roles, compared ordinally and case-insensitively.</summary>
    public IReadOnlySet<string> Roles { get; }

    /// <summary>Gets the user's permissions, compared ordinally.</summary>
    public IReadOnlySet<string> Permissions { get; }

    /// <summary>Tells whether the user has a role.</summary>
    /// <param name="role">The role, for example <c>auditor</c>.</param>
    /// <returns><see langword="true"/> when the user has it.</returns>
    public bool HasRole(string role) => Roles.Contains(role);

    /// <summary>Tells whether the user has a permission.</summary>
    /// <param name="permission">The permission, for example <c>export:long-range</c>.</param>
    /// <returns><see langword="true"/> when the user has it.</returns>
    public bool HasPermission(string permission) => Permissions.Contains(permission);

    /// <summary>Compares two principals by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or equal.</returns>
    public static bool operator ==(ExportPrincipal? left, ExportPrincipal? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two principals by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ExportPrincipal? left, ExportPrincipal? right) => !(left == right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ExportPrincipal);

    /// <inheritdoc />
    public bool Equals(ExportPrincipal? other) =>
        other is not null
        && string.Equals(UserId, other.UserId, StringComparison.Ordinal)
        && string.Equals(TenantId, other.TenantId, StringComparison.Ordinal)
        && string.Equals(FederationId, other.FederationId, StringComparison.Ordinal)
        && Roles.SetEquals(other.Roles)
        && Permissions.SetEquals(other.Permissions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(UserId), StringComparer.Ordinal.GetHashCode(TenantId), Roles.Count, Permissions.Count);

    private static SortedSet<string> ToSet(IEnumerable<string>? values, string paramName, string kind)
    {
        var set = new SortedSet<string>(kind == "role" ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var value in values ?? [])
        {
            set.Add(IdText.Check(value, paramName, $"A {kind} is blank: remove it or give its name."));
        }

        return set;
    }
}
