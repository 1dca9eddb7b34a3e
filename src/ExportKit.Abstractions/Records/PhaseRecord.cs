namespace ExportKit;

/// <summary>
/// A record of one of the operational phases, as a data source returns it. Every record belongs to a tenant
/// (and optionally a facility); ExportKit drops any record outside the export's scope. Two records are equal when
/// they are of the same type and have the same tenant, facility, references (in order) and fields
/// (<see cref="GetFields"/>, in order): what an export would write of them.
/// </summary>
public abstract class PhaseRecord : IEquatable<PhaseRecord>
{
    private const string TenantIdField = "tenantId";
    private const string FacilityIdField = "facilityId";

    private const int MaxKeptCapacity = 256;

    [ThreadStatic]
    private static List<ExportField>? scratchFields;

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
        // The fields are gathered in a list kept per thread and copied into an array of their exact number: one
        // allocation per record instead of a list and its larger backing array (this runs once per exported record).
        // A GetFields called from inside AddFields (a record that embeds another) finds the list taken and uses its own.
        var fields = scratchFields ?? new List<ExportField>(16);
        scratchFields = null;
        try
        {
            AddFields(fields);
            foreach (var field in fields)
            {
                if (field.Name is TenantIdField or FacilityIdField)
                {
                    throw new InvalidOperationException(FormattableString.Invariant(
                        $"Record '{RecordId}' of phase {Phase.Number} ({Phase.Key}) adds a field named '{field.Name}', which ExportKit adds to every record from its {(field.Name == TenantIdField ? nameof(TenantId) : nameof(FacilityId))}: give the field another name."));
                }
            }

            var result = new ExportField[fields.Count + 2];
            fields.CopyTo(result);
            result[^2] = new(TenantIdField, TenantId);
            result[^1] = new(FacilityIdField, FacilityId);
            return result;
        }
        finally
        {
            // Kept for the next record unless an unusually wide one grew it: a thread does not hold a large array on.
            fields.Clear();
            scratchFields = fields.Capacity <= MaxKeptCapacity ? fields : null;
        }
    }

    /// <summary>Compares two records by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when both are <see langword="null"/> or equal.</returns>
    public static bool operator ==(PhaseRecord? left, PhaseRecord? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two records by value.</summary>
    /// <param name="left">One, or <see langword="null"/>.</param>
    /// <param name="right">The other, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(PhaseRecord? left, PhaseRecord? right) => !(left == right);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PhaseRecord);

    /// <inheritdoc />
    public bool Equals(PhaseRecord? other) =>
        other is not null
        && (ReferenceEquals(this, other)
            || (GetType() == other.GetType()
                && References.SequenceEqual(other.References, StringComparer.Ordinal)
                && FieldsOrNull() is { } fields
                && other.FieldsOrNull() is { } otherFields
                && fields.SequenceEqual(otherFields)));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(GetType(), StringComparer.Ordinal.GetHashCode(RecordId), Timestamp);

    // A record whose fields cannot be made (a NaN reading, say, which no export accepts) is equal only to itself:
    // equality never throws.
    private IReadOnlyList<ExportField>? FieldsOrNull()
    {
        try
        {
            return GetFields();
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Adds the phase-specific fields in their declared order.</summary>
    /// <param name="fields">The list to add to.</param>
    protected abstract void AddFields(IList<ExportField> fields);
}
