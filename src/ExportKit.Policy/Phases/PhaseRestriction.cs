namespace ExportKit.Policy;

/// <summary>
/// Declares a phase's data sensitive: any category that reads the phase, built in or defined by the host, needs one
/// of the roles or one of the permissions given. The restriction belongs to the data, not to a category name, so the
/// same records cannot be had through another category. Register one with <see cref="ExportPolicyOptions.PhaseRestrictions"/>.
/// </summary>
public sealed class PhaseRestriction
{
    /// <summary>Creates a restriction.</summary>
    /// <param name="phase">The phase whose records are restricted.</param>
    /// <param name="roles">The roles that may read them (any one suffices; compared case-insensitively).</param>
    /// <param name="permissions">The permissions that may read them (any one suffices).</param>
    /// <param name="violation">The violation given to a principal with none of them, as the user should read it.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No role and no permission is given, one is blank, or the violation is blank.</exception>
    public PhaseRestriction(ExportPhase phase, IEnumerable<string> roles, IEnumerable<string> permissions, string violation)
    {
        ArgumentNullException.ThrowIfNull(phase);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(permissions);
        ArgumentException.ThrowIfNullOrWhiteSpace(violation);
        Roles = Array.AsReadOnly(roles.ToArray());
        Permissions = Array.AsReadOnly(permissions.ToArray());
        if (Roles.Count + Permissions.Count == 0)
        {
            throw new ArgumentException(
                $"The restriction on phase '{phase.Key}' names no role and no permission, so nobody could export it: give at least one role or permission.",
                nameof(roles));
        }

        if (Roles.Concat(Permissions).Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException($"The restriction on phase '{phase.Key}' has a blank role or permission: remove it or give its name.", nameof(roles));
        }

        Phase = phase;
        Violation = violation;
    }

    /// <summary>Gets the phase whose records are restricted.</summary>
    public ExportPhase Phase { get; }

    /// <summary>Gets the roles that may read the phase's records.</summary>
    public IReadOnlyList<string> Roles { get; }

    /// <summary>Gets the permissions that may read the phase's records.</summary>
    public IReadOnlyList<string> Permissions { get; }

    /// <summary>Gets the violation given to a principal with none of the roles and permissions.</summary>
    public string Violation { get; }

    /// <summary>Tells whether a principal may read the phase's records.</summary>
    /// <param name="principal">Who asks.</param>
    /// <returns><see langword="true"/> when the principal has one of the roles or permissions.</returns>
    public bool Allows(ExportPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return Roles.Any(principal.HasRole) || Permissions.Any(principal.HasPermission);
    }
}
