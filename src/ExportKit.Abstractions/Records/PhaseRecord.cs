namespace ExportKit;

/// <summary>
/// A record of one of the operational phases, as a data source returns it. Every record belongs to a tenant
/// (and optionally a facility); ExportKit drops any record outside the export's scope.
/// </summary>
public abstract record PhaseRecord
{
    private const string TenantIdField = "tenantId";
    private const string FacilityIdField = "facilityId";

    /// <summary>Gets the tenant the record belongs to.</summary>
    public required string TenantId { get; init; }

    /// <summary>Gets the facility the record belongs to, or <see langword="null"/>.</summary>
    public string? FacilityId { get; init; }

    /// <summary>Gets the ids of related records (for example the finding a drift event caused).</summary>
    public IReadOnlyList<string> References { get; init; } = [];

    /// <summary>Gets the phase that produced the record.</summary>
    public abstract ExportPhase Phase { get; }

    /// <summary>Gets the record's id, unique within its phase.</summary>
    public abstract string RecordId { get; }

    /// <summary>Gets the instant the record is ordered and filtered by.</summary>
    public abstract DateTimeOffset Timestamp { get; }

    /// <summary>Gets the severity counted in section summaries, or <see langword="null"/> when the record has none.</summary>
    public virtual string? SummarySeverity => null;

    /// <summary>Gets the status counted in section summaries, or <see langword="null"/> when the record has none.</summary>
    public virtual string? SummaryStatus => null;

    /// <summary>Gets the record's fields in the order the specification declares them, then its tenant and facility.</summary>
    /// <returns>The fields.</returns>
    /// <exception cref="InvalidOperationException">
    /// <see cref="AddFields"/> added a field named <c>tenantId</c> or <c>facilityId</c>, which ExportKit adds itself: a
    /// name is never written twice, and never silently renamed either.
    /// </exception>
    public IReadOnlyList<ExportField> GetFields()
    {
        var fields = new List<ExportField>(12);
        AddFields(fields);
        foreach (var field in fields)
        {
            if (field.Name is TenantIdField or FacilityIdField)
            {
                throw new InvalidOperationException(FormattableString.Invariant(
                    $"Record '{RecordId}' of phase {Phase.Number} ({Phase.Key}) adds a field named '{field.Name}', which ExportKit adds to every record from its {(field.Name == TenantIdField ? nameof(TenantId) : nameof(FacilityId))}: give the field another name."));
            }
        }

        fields.Add(new(TenantIdField, TenantId));
        fields.Add(new(FacilityIdField, FacilityId));
        return fields;
    }

    /// <summary>Adds the phase-specific fields in their declared order.</summary>
    /// <param name="fields">The list to add to.</param>
    protected abstract void AddFields(IList<ExportField> fields);
}
