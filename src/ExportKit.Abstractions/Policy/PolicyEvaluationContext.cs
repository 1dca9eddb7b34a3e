namespace ExportKit;

/// <summary>What a policy rule checks, and where it adds what it finds.</summary>
public sealed class PolicyEvaluationContext
{
    private readonly List<string> violations = [];
    private readonly List<string> warnings = [];

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
    }

    /// <summary>Gets the query being decided.</summary>
    public ExportQuery Query { get; }

    /// <summary>Gets who asks.</summary>
    public ExportPrincipal Principal { get; }

    /// <summary>Gets the time range the export would cover.</summary>
    public ExportTimeRange TimeRange { get; }

    /// <summary>Gets the violations added so far, in the order the rules ran.</summary>
    public IReadOnlyList<string> Violations => violations;

    /// <summary>Gets the warnings added so far.</summary>
    public IReadOnlyList<string> Warnings => warnings;

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
