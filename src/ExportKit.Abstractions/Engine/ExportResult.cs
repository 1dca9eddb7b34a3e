namespace ExportKit;

/// <summary>The outcome of an export: what was written, or why nothing was.</summary>
public sealed record ExportResult
{
    /// <summary>Gets a value indicating whether the export was written.</summary>
    public bool Succeeded => ErrorCode is null;

    /// <summary>Gets the query's id, which ties the result to its log entries.</summary>
    public required string QueryId { get; init; }

    /// <summary>Gets the policy decision, or <see langword="null"/> when the query was refused before policy ran.</summary>
    public PolicyDecision? Policy { get; init; }

    /// <summary>Gets the id of this execution, when written.</summary>
    public string? ExportId { get; init; }

    /// <summary>Gets the content-derived bundle id, when written.</summary>
    public string? BundleId { get; init; }

    /// <summary>Gets the file name derived from the export id and format, for example <c>exp_0a1b….json</c>, when written.</summary>
    public string? FileName { get; init; }

    /// <summary>Gets the format written.</summary>
    public ExportFormat? Format { get; init; }

    /// <summary>Gets how many bytes were written.</summary>
    public long SizeBytes { get; init; }

    /// <summary>Gets the lower-case hex SHA-256 of the bytes written.</summary>
    public string? Sha256 { get; init; }

    /// <summary>Gets the bundle that was written (its sections' items are not held; enumerating them reads the sources again).</summary>
    public ExportBundle? Bundle { get; init; }

    /// <summary>Gets how many records the sources returned outside the scope; they were dropped and not exported.</summary>
    public long RecordsDropped { get; init; }

    /// <summary>Gets the error code (see <see cref="ExportErrorCodes"/>) when the export was not written.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets what went wrong and how to fix it, when the export was not written.</summary>
    public string? ErrorMessage { get; init; }

    /// <summary>Gets the policy violations, when policy denied the export.</summary>
    public IReadOnlyList<string> Violations => Policy?.Violations ?? [];

    /// <summary>Gets the policy warnings.</summary>
    public IReadOnlyList<string> Warnings => Policy?.Warnings ?? [];
}
