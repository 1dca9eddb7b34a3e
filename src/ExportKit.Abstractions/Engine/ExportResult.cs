using System.Diagnostics.CodeAnalysis;

namespace ExportKit;

/// <summary>
/// The outcome of an export: what was written, or why nothing was. A result has no value equality (it holds the
/// bundle, whose items stream from the sources).
/// </summary>
public sealed class ExportResult
{
    /// <summary>
    /// Gets a value indicating whether the export was written. When it was, <see cref="ExportId"/>,
    /// <see cref="BundleId"/>, <see cref="FileName"/>, <see cref="Sha256"/>, <see cref="Bundle"/> and
    /// <see cref="Format"/> are set; when it was not, <see cref="ErrorCode"/> and <see cref="ErrorMessage"/> are. The
    /// result is made by <see cref="Success"/> or <see cref="Failure"/>, which check it, so the promise holds for every
    /// result, a test double's too.
    /// </summary>
    [MemberNotNullWhen(true, nameof(ExportId), nameof(BundleId), nameof(FileName), nameof(Sha256), nameof(Bundle), nameof(Format))]
    [MemberNotNullWhen(false, nameof(ErrorCode), nameof(ErrorMessage))]
    public bool Succeeded { get; }

    private ExportResult(bool succeeded, string queryId, PolicyDecision? policy)
    {
        ArgumentException.ThrowIfNullOrEmpty(queryId);
        Succeeded = succeeded;
        QueryId = queryId;
        Policy = policy;
    }

    /// <summary>Gets the query's id, which ties the result to its log entries.</summary>
    public string QueryId { get; }

    /// <summary>Gets the policy decision, or <see langword="null"/> when the query was refused before policy ran.</summary>
    public PolicyDecision? Policy { get; }

    /// <summary>Gets the id of this execution, when written.</summary>
    public string? ExportId { get; private init; }

    /// <summary>Gets the content-derived bundle id, when written.</summary>
    public string? BundleId { get; private init; }

    /// <summary>Gets the file name derived from the export id and format, for example <c>exp_0a1b….json</c>, when written.</summary>
    public string? FileName { get; private init; }

    /// <summary>Gets the format written, or asked for when nothing was written.</summary>
    public ExportFormat? Format { get; private init; }

    /// <summary>Gets how many bytes were written.</summary>
    public long SizeBytes { get; private init; }

    /// <summary>Gets the lower-case hex SHA-256 of the bytes written.</summary>
    public string? Sha256 { get; private init; }

    /// <summary>
    /// Gets the bundle that was written. Its sections' items are not kept once the file is written (the sources were
    /// read once, for it, and are not read again): enumerating them throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public ExportBundle? Bundle { get; private init; }

    /// <summary>Gets how many records the sources returned outside the scope; they were dropped and not exported.</summary>
    public long RecordsDropped { get; private init; }

    /// <summary>Gets the error code (see <see cref="ExportErrorCodes"/>) when the export was not written.</summary>
    public string? ErrorCode { get; private init; }

    /// <summary>Gets what went wrong and how to fix it, when the export was not written.</summary>
    public string? ErrorMessage { get; private init; }

    /// <summary>Gets the policy violations, when policy denied the export.</summary>
    public IReadOnlyList<string> Violations => Policy?.Violations ?? [];

    /// <summary>Gets the policy warnings.</summary>
    public IReadOnlyList<string> Warnings => Policy?.Warnings ?? [];

    /// <summary>Makes the result of an export that was written.</summary>
    /// <param name="queryId">The query's id.</param>
    /// <param name="policy">The policy decision.</param>
    /// <param name="bundle">The bundle written; its export id, bundle id and format are the result's.</param>
    /// <param name="fileName">The file name.</param>
    /// <param name="sizeBytes">How many bytes were written.</param>
    /// <param name="sha256">The lower-case hex SHA-256 of the bytes.</param>
    /// <param name="recordsDropped">How many records were dropped as outside the scope.</param>
    /// <returns>A result whose <see cref="Succeeded"/> is <see langword="true"/>.</returns>
    /// <exception cref="ArgumentException">An argument is null, empty or negative.</exception>
    public static ExportResult Success(string queryId, PolicyDecision? policy, ExportBundle bundle, string fileName, long sizeBytes, string sha256, long recordsDropped)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentException.ThrowIfNullOrEmpty(sha256);
        ArgumentOutOfRangeException.ThrowIfNegative(sizeBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(recordsDropped);
        return new ExportResult(true, queryId, policy)
        {
            ExportId = bundle.ExportId,
            BundleId = bundle.BundleId,
            FileName = fileName,
            Format = bundle.Format,
            SizeBytes = sizeBytes,
            Sha256 = sha256,
            Bundle = bundle,
            RecordsDropped = recordsDropped,
        };
    }

    /// <summary>Makes the result of an export that was not written.</summary>
    /// <param name="queryId">The query's id.</param>
    /// <param name="policy">The policy decision, or <see langword="null"/> when the query was refused before policy ran.</param>
    /// <param name="format">The format asked for, or <see langword="null"/>.</param>
    /// <param name="errorCode">The error code (see <see cref="ExportErrorCodes"/>).</param>
    /// <param name="errorMessage">What went wrong and how to fix it.</param>
    /// <returns>A result whose <see cref="Succeeded"/> is <see langword="false"/>.</returns>
    /// <exception cref="ArgumentException">An argument is null or empty.</exception>
    public static ExportResult Failure(string queryId, PolicyDecision? policy, ExportFormat? format, string errorCode, string errorMessage)
    {
        ArgumentException.ThrowIfNullOrEmpty(errorCode);
        ArgumentException.ThrowIfNullOrEmpty(errorMessage);
        return new ExportResult(false, queryId, policy) { Format = format, ErrorCode = errorCode, ErrorMessage = errorMessage };
    }
}
