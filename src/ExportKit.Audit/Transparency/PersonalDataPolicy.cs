namespace ExportKit.Audit;

/// <summary>Which values of an event are personal data, committed to in the leaf instead of written into it (from <see cref="AuditOptions"/>).</summary>
internal sealed class PersonalDataPolicy
{
    public PersonalDataPolicy(bool userIdIsPersonal, IEnumerable<string> fieldNames)
    {
        UserIdIsPersonal = userIdIsPersonal;
        FieldNames = new HashSet<string>(fieldNames, StringComparer.Ordinal);
    }

    /// <summary>Gets a value indicating whether the acting user's id is personal data.</summary>
    public bool UserIdIsPersonal { get; }

    /// <summary>Gets the names of the JSON members of context, before and after whose values are personal data, at any depth.</summary>
    public IReadOnlySet<string> FieldNames { get; }

    /// <summary>Whether the field with this key (a scalar field's name, or a JSON member named <paramref name="memberName"/>) is personal data.</summary>
    public bool Selects(string key, string? memberName) => key switch
    {
        PersonalFields.UserId => UserIdIsPersonal,
        PersonalFields.IpAddress or PersonalFields.ForwardedFor or PersonalFields.UserAgent => true,
        _ => memberName is not null && FieldNames.Contains(memberName),
    };
}
