using System.Collections.Immutable;

namespace ExportKit.Audit;

/// <summary>
/// Which permissions each role holds, and principals built from a role. Role names are compared case-insensitively,
/// permissions ordinally. Two presets follow the specification: <see cref="AuditGovernance"/> and <see cref="ProjectRoles"/>.
/// </summary>
public sealed partial class RolePermissionMap
{
    private readonly Dictionary<string, ImmutableSortedSet<string>> permissionsByRole = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> names = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a map.</summary>
    /// <param name="rolePermissions">Each role with its permissions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rolePermissions"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The map is empty, a role or permission is blank, or a role is given twice (ignoring case).</exception>
    public RolePermissionMap(IReadOnlyDictionary<string, IReadOnlyList<string>> rolePermissions)
    {
        ArgumentNullException.ThrowIfNull(rolePermissions);
        foreach (var (role, permissions) in rolePermissions)
        {
            if (string.IsNullOrWhiteSpace(role))
            {
                throw new ArgumentException("A role name is blank: give every role a name.", nameof(rolePermissions));
            }

            if (permissions is null || permissions.Any(string.IsNullOrWhiteSpace))
            {
                throw new ArgumentException($"Role '{role}' has a blank or missing permission list: give its permissions, or an empty list.", nameof(rolePermissions));
            }

            if (!names.TryAdd(role, role))
            {
                throw new ArgumentException($"Role '{role}' is given twice (role names ignore case): merge its permissions into one entry.", nameof(rolePermissions));
            }

            permissionsByRole[role] = permissions.ToImmutableSortedSet(StringComparer.Ordinal);
        }

        if (names.Count == 0)
        {
            throw new ArgumentException("The map has no role: give at least one.", nameof(rolePermissions));
        }

        Roles = [.. names.Values.Order(StringComparer.Ordinal)];
    }

    /// <summary>Gets the roles, in ordinal order.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>Gets a role's permissions.</summary>
    /// <param name="role">The role, in any case.</param>
    /// <returns>The permissions, in ordinal order.</returns>
    /// <exception cref="ArgumentException">The role is unknown; the message lists the known ones.</exception>
    public IReadOnlySet<string> Permissions(string role) => Find(role);

    /// <summary>Tells whether a role holds a permission.</summary>
    /// <param name="role">The role, in any case.</param>
    /// <param name="permission">The permission.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    /// <exception cref="ArgumentException">The role is unknown; the message lists the known ones.</exception>
    public bool Allows(string role, string permission)
    {
        ArgumentNullException.ThrowIfNull(permission);
        return Find(role).Contains(permission);
    }

    /// <summary>Creates a principal with one role and that role's permissions.</summary>
    /// <param name="userId">The user's id.</param>
    /// <param name="tenantId">The tenant the user belongs to.</param>
    /// <param name="role">The role, in any case; the principal gets the name as the map spells it.</param>
    /// <returns>The principal.</returns>
    /// <exception cref="ArgumentException">The role is unknown (the message lists the known ones), or the user or tenant id is blank.</exception>
    public ExportPrincipal CreatePrincipal(string userId, string tenantId, string role)
    {
        var permissions = Find(role);
        return new ExportPrincipal(userId, tenantId, [names[role]], permissions);
    }

    private ImmutableSortedSet<string> Find(string role)
    {
        ArgumentNullException.ThrowIfNull(role);
        return permissionsByRole.TryGetValue(role, out var permissions)
            ? permissions
            : throw new ArgumentException($"Role '{role}' is unknown: use one of {string.Join(", ", Roles)}.", nameof(role));
    }
}
