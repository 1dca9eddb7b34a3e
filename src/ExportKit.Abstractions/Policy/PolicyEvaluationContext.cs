namespace ExportKit;

/// <summary>
/// What a policy rule checks, and where it adds what it finds. A rule can only add: <see cref="Violations"/> and
/// <see cref="Warnings"/> are read-only views (casting them to a list gives a collection that refuses every change),
/// so no rule can take back what an earlier rule found and turn a denial into an allowed export.
/// </summary>
public sealed class PolicyEvaluationContext
{
    private readonly List<string> violations = [];
    private readonly List<string> warnings = [];
    private readonly System.Collections.ObjectModel.ReadOnlyCollection<string> violationsView;
    private readonly System.Collections.ObjectModel.ReadOnlyCollection<string> warningsView;

    /// <summary>Creates a context.</summary>
    /// <param name="query">The query being decided.</param>
    /// <param name="principal">Who asks.</param>
    /// <param name="timeRange">The time range the export would cover (the query's, or the default).</param>
    public PolicyEvaluationContext(ExportQuery query, ExportPrincipal principal, ExportTimeRange timeRange)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(timeRange);
        Query = query;
        Principal = principal;
        TimeRange = timeRange;
        violationsView = violations.AsReadOnly();
        warningsView = warnings.AsReadOnly();
    }

    /// <summary>Gets the query being decided.</summary>
    public ExportQuery Query { get; }

    /// <summary>Gets who asks.</summary>
    public ExportPrincipal Principal { get; }

    /// <summary>Gets the time range the export would cover.</summary>
    public ExportTimeRange TimeRange { get; }

    /// <summary>Gets the phases whose records the query's category reads, as far as the engine knows them.</summary>
    /// <value>The default value is empty: no phase is known (for example for a category the engine does not know).</value>
    public IReadOnlyList<ExportPhase> Phases
    {
        get;
        init => field = Array.AsReadOnly((value ?? throw new ArgumentNullException(nameof(value))).ToArray());
    } = Array.AsReadOnly(Array.Empty<ExportPhase>());

    /// <summary>Gets the violations added so far, in the order the rules ran: a read-only view that cannot be changed, even by a cast.</summary>
    public IReadOnlyList<string> Violations => violationsView;

    /// <summary>Gets the warnings added so far: a read-only view that cannot be changed, even by a cast.</summary>
    public IReadOnlyList<string> Warnings => warningsView;

    /// <summary>Adds a violation: the export is denied.</summary>
    /// <param name="message">What forbids it, as the user should read it.</param>
    public void AddViolation(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        violations.Add(message);
    }

    /// <summary>Adds a warning: the export may go ahead, but the user should know.</summary>
    /// <param name="message">The concern, as the user should read it.</param>
    public void AddWarning(string message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        warnings.Add(message);
    }
}
