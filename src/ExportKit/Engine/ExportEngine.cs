using ExportKit.Builder;
using Microsoft.Extensions.Options;

namespace ExportKit.Engine;

/// <summary>
/// The five steps of an export: policy, bundle assembly, format conversion, logging, result. Nothing reaches a
/// formatter without an allowing policy decision, and every attempt leaves a log entry.
/// </summary>
internal sealed class ExportEngine : IExportEngine
{
    private const string Anonymous = "anonymous";

    private readonly ExportCategoryRegistry categories;
    private readonly Dictionary<ExportFormat, IExportFormatter> formatters = [];
    private readonly ExportBundleBuilder builder;
    private readonly IExportPolicyEngine policy;
    private readonly IExportLogStore log;
    private readonly TimeProvider time;
    private readonly IExportIdGenerator ids;
    private readonly ExportKitOptions options;
    private readonly ExportTraceability traceability;

    public ExportEngine(
        ExportCategoryRegistry categories,
        IEnumerable<IExportFormatter> formatters,
        IEnumerable<IPhaseDataSource> sources,
        IExportPolicyEngine policy,
        IExportLogStore log,
        TimeProvider time,
        IExportIdGenerator ids,
        IOptions<ExportKitOptions> options,
        IExportRegistry registry,
        IAuditTrail auditTrail)
    {
        this.categories = categories;
        foreach (var formatter in formatters)
        {
            // The last registration wins, so a host can replace a built-in formatter.
            this.formatters[formatter.Format] = formatter;
        }

        builder = new ExportBundleBuilder(sources, time, new ExportBundleBuilderOptions { MaxFieldDepth = options.Value.MaxFieldDepth });
        this.policy = policy;
        this.log = log;
        this.time = time;
        this.ids = ids;
        this.options = options.Value;
        traceability = new ExportTraceability(registry, auditTrail);
    }

    public Task<ExportResult> ExportAsync(ExportQuery query, ExportPrincipal? principal, Stream destination, CancellationToken cancellationToken = default) =>
        ExportAsync(query, principal, destination, storagePath: null, cancellationToken);

    /// <summary>Runs an export that the caller stores as a file: <paramref name="storagePath"/> maps the file name to the path recorded in the registry.</summary>
    internal async Task<ExportResult> ExportAsync(ExportQuery query, ExportPrincipal? principal, Stream destination, Func<string, string>? storagePath, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream is not writable; pass a stream opened for writing.", nameof(destination));
        }

        var attempt = new Attempt(query, principal, query.QueryId ?? ids.NewId("qry"), time.GetTimestamp(), storagePath);
        var timeRange = query.TimeRange ?? ExportTimeRange.LastDays(time.GetUtcNow(), options.DefaultTimeRangeDays);

        var definition = categories.Find(query.Category);
        if (definition is null)
        {
            return await FailAsync(attempt, ExportErrorCodes.UnknownCategory, UnknownCategoryMessage(query.Category), null, cancellationToken).ConfigureAwait(false);
        }

        if (!formatters.TryGetValue(query.Format, out var formatter))
        {
            return await FailAsync(attempt, ExportErrorCodes.UnknownFormat, UnknownFormatMessage(query.Format), null, cancellationToken).ConfigureAwait(false);
        }

        // The log, the registry, the audit trail and the bundle name the requester: it must be who asks.
        if (principal is not null && !string.Equals(query.RequestedBy, principal.UserId, StringComparison.Ordinal))
        {
            return await FailAsync(attempt, ExportErrorCodes.RequesterMismatch, $"The query is requested by '{query.RequestedBy}' but the principal is '{principal.UserId}': a query's RequestedBy must be the principal's user id.", null, cancellationToken).ConfigureAwait(false);
        }

        // Step 1: policy. The decision is logged whatever it is.
        var decision = policy.Evaluate(query, principal, timeRange);
        attempt = attempt with { Decision = decision };
        await AppendAsync(DecisionEntry(attempt, decision)).ConfigureAwait(false);
        if (!decision.Allowed)
        {
            return await FailAsync(attempt, ExportErrorCodes.PolicyDenied, "Export denied by policy: " + decision.Reason, null, cancellationToken).ConfigureAwait(false);
        }

        // Steps 2 to 5: assemble, format, log, result.
        return await RunAsync(attempt, definition, formatter, timeRange, destination, cancellationToken).ConfigureAwait(false);
    }

    public async Task RecordDownloadAsync(ExportDownload download, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(download);
        ArgumentException.ThrowIfNullOrWhiteSpace(download.TenantId, nameof(download));
        ArgumentException.ThrowIfNullOrWhiteSpace(download.BundleId, nameof(download));
        ArgumentException.ThrowIfNullOrWhiteSpace(download.FileName, nameof(download));
        ArgumentException.ThrowIfNullOrWhiteSpace(download.DownloadedBy, nameof(download));
        ArgumentNullException.ThrowIfNull(download.Format, nameof(download));
        ArgumentOutOfRangeException.ThrowIfNegative(download.SizeBytes, nameof(download));
        await log.AppendAsync(
            new ExportDownloadedEntry
            {
                Timestamp = time.GetUtcNow(),
                TenantId = download.TenantId,
                BundleId = download.BundleId,
                Format = download.Format.Value,
                FileName = download.FileName,
                SizeBytes = download.SizeBytes,
                DownloadedBy = download.DownloadedBy,
            },
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<ExportResult> RunAsync(Attempt attempt, ExportCategoryDefinition definition, IExportFormatter formatter, ExportTimeRange timeRange, Stream destination, CancellationToken cancellationToken)
    {
        // Only an export appended to the end of a seekable stream can be measured by reading back and cut back on failure;
        // one written over existing bytes is hashed as it is written, and what it overwrote cannot be restored.
        var start = destination.CanSeek && destination.Position == destination.Length ? destination.Position : -1;
        BuiltBundle built;
        string sha256;
        long size;
        try
        {
            built = await builder.BuildAsync(definition, attempt.Query, timeRange, ids.NewId("exp"), cancellationToken).ConfigureAwait(false);
            (size, sha256) = await WriteAsync(formatter, built.Bundle, destination, start, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // A failed export leaves nothing behind in a stream that can be cut back.
            if (start >= 0)
            {
                TryCutBack(destination, start);
            }

            var (code, message) = Classify(ex, cancellationToken);
            return await FailAsync(attempt, code, message, ex.GetType().FullName, CancellationToken.None).ConfigureAwait(false);
        }

        return await SucceedAsync(attempt, built, size, sha256, cancellationToken).ConfigureAwait(false);
    }

    // Named after the execution, not the content: two exports of the same content differ in their export id and time,
    // and one must never overwrite the file another's registry record points to.
    private static string FileName(ExportBundle bundle) => bundle.ExportId + bundle.Format.Extension;

    private static void TryCutBack(Stream destination, long length)
    {
        try
        {
            destination.SetLength(length);
        }
        catch (NotSupportedException)
        {
            // A fixed-size stream cannot shrink; the failure is still logged and reported.
        }
    }

    /// <summary>
    /// Writes and measures the output. A stream that can seek and be read is written directly — ZIP formats then need
    /// no temporary file — and hashed by reading the written bytes back (it was at its end, so they are all that follows
    /// <paramref name="start"/>); any other is hashed as it is written.
    /// </summary>
    private static async Task<(long Size, string Sha256)> WriteAsync(IExportFormatter formatter, ExportBundle bundle, Stream destination, long start, CancellationToken cancellationToken)
    {
        if (start >= 0 && destination.CanRead)
        {
            await formatter.WriteAsync(bundle, destination, cancellationToken).ConfigureAwait(false);
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            var end = destination.Position;
            destination.Position = start;
            using var readBack = new HashingStream(Stream.Null);
            await destination.CopyToAsync(readBack, cancellationToken).ConfigureAwait(false);
            destination.Position = end;
            return (end - start, readBack.FinishHash());
        }

        using var output = new HashingStream(destination);
        await formatter.WriteAsync(bundle, output, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return (output.BytesWritten, output.FinishHash());
    }

    private async Task<ExportResult> SucceedAsync(Attempt attempt, BuiltBundle built, long size, string sha256, CancellationToken cancellationToken)
    {
        var bundle = built.Bundle;
        await AppendAsync(
            new ExportGeneratedEntry
            {
                Timestamp = time.GetUtcNow(),
                TenantId = attempt.Query.Scope.TenantId,
                FacilityId = attempt.Query.Scope.FacilityId,
                ExportId = bundle.ExportId,
                BundleId = bundle.BundleId,
                Category = bundle.Category.Value,
                Format = bundle.Format.Value,
                SectionsGenerated = bundle.Sections.Count,
                ItemsIncluded = bundle.Metadata.TotalItems,
                SizeBytes = size,
                GenerationTimeMs = (long)time.GetElapsedTime(attempt.Started).TotalMilliseconds,
                RecordsDropped = built.RecordsDropped,
                GeneratedBy = attempt.Query.RequestedBy,
            }).ConfigureAwait(false);
        await traceability.RecordAsync(attempt.Query, bundle, size, sha256, attempt.StoragePath?.Invoke(FileName(bundle))).ConfigureAwait(false);

        return new ExportResult
        {
            QueryId = attempt.QueryId,
            Policy = attempt.Decision,
            ExportId = bundle.ExportId,
            BundleId = bundle.BundleId,
            FileName = FileName(bundle),
            Format = bundle.Format,
            SizeBytes = size,
            Sha256 = sha256,
            Bundle = bundle,
            RecordsDropped = built.RecordsDropped,
        };
    }

    private async Task<ExportResult> FailAsync(Attempt attempt, string code, string message, string? details, CancellationToken cancellationToken)
    {
        await AppendAsync(
            new ExportErrorEntry
            {
                Timestamp = time.GetUtcNow(),
                TenantId = attempt.Query.Scope.TenantId,
                FacilityId = attempt.Query.Scope.FacilityId,
                QueryId = attempt.QueryId,
                ErrorCode = code,
                Message = message,
                Details = details,
                RequestedBy = attempt.Principal?.UserId ?? Anonymous,
            }).ConfigureAwait(false);

        return new ExportResult { QueryId = attempt.QueryId, Policy = attempt.Decision, Format = attempt.Query.Format, ErrorCode = code, ErrorMessage = message };
    }

    private PolicyDecisionEntry DecisionEntry(Attempt attempt, PolicyDecision decision) => new()
    {
        Timestamp = time.GetUtcNow(),
        TenantId = attempt.Query.Scope.TenantId,
        FacilityId = attempt.Query.Scope.FacilityId,
        FederationId = attempt.Query.Scope.FederationId,
        QueryId = attempt.QueryId,
        Decision = decision,
        RequestedBy = attempt.Principal?.UserId ?? Anonymous,
    };

    // Log entries are written even when the export is cancelled: every decision and every failure is on record.
    private ValueTask AppendAsync(ExportLogEntry entry) => log.AppendAsync(entry, CancellationToken.None);

    private string UnknownCategoryMessage(ExportCategory category) =>
        $"Unknown export category '{category}'. Known categories: {string.Join(", ", categories.Categories.Select(c => c.Value).Order(StringComparer.Ordinal))}. Register a definition with AddCategory to add one.";

    private string UnknownFormatMessage(ExportFormat format) =>
        $"No formatter is registered for format '{format}'. Registered formats: {string.Join(", ", formatters.Keys.Select(f => f.Value).Order(StringComparer.Ordinal))}. Register one with AddFormatter.";

    private static (string Code, string Message) Classify(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        OperationCanceledException when cancellationToken.IsCancellationRequested => (ExportErrorCodes.Cancelled, "The export was cancelled; nothing was written."),
        OperationCanceledException => (ExportErrorCodes.Cancelled, $"An operation inside the export was cancelled ({exception.Message}); nothing was written."),
        ExportException export => (export.ErrorCode, export.Message),
        _ => (ExportErrorCodes.FormatFailed, $"Writing format failed: {exception.Message}"),
    };

    private sealed record Attempt(ExportQuery Query, ExportPrincipal? Principal, string QueryId, long Started, Func<string, string>? StoragePath)
    {
        public PolicyDecision? Decision { get; init; }
    }
}
