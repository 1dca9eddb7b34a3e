namespace ExportKit;

/// <summary>The outcome of evaluating every policy rule for a query.</summary>
public sealed record PolicyDecision
{
    /// <summary>Gets a value indicating whether the export may go ahead.</summary>
    public required bool Allowed { get; init; }

    /// <summary>Gets why: every violation joined, or that every rule passed.</summary>
    public required string Reason { get; init; }

    /// <summary>Gets every violation, in the order the rules ran.</summary>
    public required IReadOnlyList<string> Violations { get; init; }

    /// <summary>Gets every warning, in the order the rules ran.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }
}
