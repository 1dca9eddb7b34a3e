using System.Diagnostics;
using ExportKit.Assembly;
using ExportKit.Engine.Destinations;
using ExportKit.Formatting;
using ExportKit.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExportKit.Engine;

/// <summary>
/// The five steps of an export: policy, bundle assembly, format conversion, logging, result. Nothing reaches a
/// formatter without an allowing policy decision, every attempt leaves a log entry, and an export is recorded only
/// once its bytes are in place (<see cref="ExportEngine"/>'s bookkeeping is in <c>ExportEngine.Bookkeeping.cs</c>).
/// No expected failure — a source, a formatter, the destination, a store, cancellation — escapes as an exception:
/// each is a failed <see cref="ExportResult"/> with a stable code.
/// </summary>
internal sealed partial class ExportEngine : IExportEngine, IExportCatalog
{
    private const string Anonymous = "anonymous";

    private readonly ExportCategoryRegistry categories;
    private readonly ExportFormatterSet formatters;
    private readonly ExportCatalog catalog;
    private readonly ExportBundleAssembler builder;
    private readonly IExportPolicyEngine policy;
    private readonly IExportLogStore log;
    private readonly TimeProvider time;
    private readonly IExportIdGenerator ids;
    private readonly ExportKitOptions options;
    private readonly ExportRecorder recorder;
    private readonly ILogger logger;

    public ExportEngine(
        ExportCategoryRegistry categories,
        ExportFormatterSet formatters,
        IEnumerable<IPhaseDataSource> sources,
        IExportPolicyEngine policy,
        IExportLogStore log,
        TimeProvider time,
        IExportIdGenerator ids,
        IOptions<ExportKitOptions> options,
        IExportRegistry registry,
        IAuditTrail auditTrail,
        ILogger<ExportEngine>? logger = null)
    {
        this.categories = categories;
        this.formatters = formatters;
        catalog = new ExportCatalog(categories, formatters);

        builder = new ExportBundleAssembler(sources, time, new ExportBundleAssemblerOptions { MaxFieldDepth = options.Value.MaxFieldDepth, TemporaryDirectory = options.Value.TemporaryDirectory });
        this.policy = policy;
        this.log = log;
        this.time = time;
        this.ids = ids;
        this.options = options.Value;
        recorder = new ExportRecorder(registry, auditTrail);
        this.logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public IReadOnlyList<ExportCategory> Categories => catalog.Categories;

    public IReadOnlyList<ExportFormat> Formats => catalog.Formats;

    public Task<ExportResult> ExportAsync(ExportQuery query, ExportPrincipal? principal, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream is not writable; pass a stream opened for writing.", nameof(destination));
        }

        return ObserveAsync(query, principal, () => new StreamDestination(destination), cancellationToken);
    }

    /// <summary>Runs an export into a file of <paramref name="directory"/> (see <see cref="DirectoryDestination"/>).</summary>
    public Task<ExportResult> ExportToDirectoryAsync(ExportQuery query, ExportPrincipal? principal, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return ObserveAsync(query, principal, () => OpenDirectory(directory), cancellationToken);
    }

    public async Task RecordDownloadAsync(ExportDownload download, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(download);
        var record = await recorder.FindAsync(download.TenantId, download.ExportId, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException(
                $"Export '{download.ExportId}' of tenant '{download.TenantId}' is not in the export registry, so its download cannot be recorded: pass the ExportId of an ExportResult this engine wrote for that tenant (a download names an export the registry knows).",
                nameof(download));
        var fileName = download.FileName ?? record.ExportId + formatters.Formats.FirstOrDefault(f => f.Value == record.Format)?.Extension;
        await log.AppendAsync(
            new ExportDownloadedEntry
            {
                Timestamp = time.GetUtcNow(),
                TenantId = record.TenantId,
                BundleId = record.BundleId,
                Format = record.Format,
                FileName = fileName,
                SizeBytes = record.SizeBytes,
                DownloadedBy = download.DownloadedBy,
            },
            cancellationToken).ConfigureAwait(false);
        await recorder.RecordDownloadAsync(record, download, fileName).ConfigureAwait(false);
    }

    private DirectoryDestination OpenDirectory(string directory)
    {
        var destination = DirectoryDestination.Open(directory, options.StalePartialFileAge);
        if (destination.StaleFilesRemoved > 0)
        {
            ExportEngineLog.StalePartialFilesRemoved(logger, destination.StaleFilesRemoved, destination.Directory);
        }

        return destination;
    }

    private async Task<ExportResult> ObserveAsync(ExportQuery query, ExportPrincipal? principal, Func<ExportDestination> openDestination, CancellationToken cancellationToken)
    {
        // Durations are real time, not the (possibly stopped) TimeProvider the bytes depend on.
        var started = Stopwatch.GetTimestamp();
        using var activity = ExportInstrumentation.ActivitySource.StartActivity("export " + query.Category.Value);
        activity?.SetTag(ExportInstrumentation.CategoryTag, query.Category.Value);
        activity?.SetTag(ExportInstrumentation.FormatTag, query.Format.Value);
        activity?.SetTag(ExportInstrumentation.TenantTag, query.Scope.TenantId);
        var result = await RunAsync(query, principal, openDestination, cancellationToken).ConfigureAwait(false);
        ExportObservation.Record(logger, activity, query, principal, result, Stopwatch.GetElapsedTime(started));
        return result;
    }

    private async Task<ExportResult> RunAsync(ExportQuery query, ExportPrincipal? principal, Func<ExportDestination> openDestination, CancellationToken cancellationToken)
    {
        var attempt = new Attempt(query, principal, query.QueryId ?? ids.NewId("qry"), time.GetTimestamp());
        var timeRange = query.TimeRange ?? ExportTimeRange.LastDays(time.GetUtcNow(), options.DefaultTimeRangeDays);

        var definition = categories.Find(query.Category);
        if (definition is null)
        {
            return await FailAsync(attempt, ExportErrorCodes.UnknownCategory, UnknownCategoryMessage(query.Category)).ConfigureAwait(false);
        }

        attempt = attempt with { DataSources = [.. definition.Phases.Select(p => p.DataSource).Order(StringComparer.Ordinal)] };

        if (formatters.Find(query.Format) is not { } formatter)
        {
            return await FailAsync(attempt, ExportErrorCodes.UnknownFormat, UnknownFormatMessage(query.Format)).ConfigureAwait(false);
        }

        // The log, the registry, the audit trail and the bundle name the requester: it must be who asks.
        if (principal is not null && !string.Equals(query.RequestedBy, principal.UserId, StringComparison.Ordinal))
        {
            return await FailAsync(attempt, ExportErrorCodes.RequesterMismatch, $"The query is requested by '{query.RequestedBy}' but the principal is '{principal.UserId}': a query's RequestedBy must be the principal's user id.").ConfigureAwait(false);
        }

        // Step 1: policy. The decision is logged whatever it is, and nothing is exported unless it is on record.
        PolicyDecision decision;
        try
        {
            decision = policy.Evaluate(query, principal, timeRange);
            Activity.Current?.AddEvent(new ActivityEvent("policy.decided", tags: new ActivityTagsCollection { ["exportkit.policy.allowed"] = decision.Allowed, ["exportkit.policy.reason"] = decision.Reason }));
        }
#pragma warning disable CA1031 // Deny by default: a throwing policy is a failed, logged export (PolicyFailed), not an exception.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return await FailAsync(attempt, ExportErrorCodes.PolicyFailed, $"A policy rule threw {ex.GetType().Name}: {ex.Message} Nothing was exported; fix the rule.", ex.GetType().FullName).ConfigureAwait(false);
        }

        attempt = attempt with { Decision = decision };
        if (await TryAppendAsync(DecisionEntry(attempt, decision)).ConfigureAwait(false) is { } unlogged)
        {
            return await FailAsync(attempt, ExportErrorCodes.RecordFailed, $"The policy decision could not be written to the export log ({unlogged}); nothing was exported.").ConfigureAwait(false);
        }

        if (!decision.Allowed)
        {
            return await FailAsync(attempt, ExportErrorCodes.PolicyDenied, "Export denied by policy: " + decision.Reason).ConfigureAwait(false);
        }

        // Steps 2 to 5: assemble and format into the destination, put the bytes in place, record, result.
        ExportDestination destination;
        try
        {
            destination = openDestination();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return await FailAsync(attempt, ExportErrorCodes.StorageFailed, $"The destination could not be opened for writing: {ex.Message}", ex.GetType().FullName).ConfigureAwait(false);
        }

        await using (destination.ConfigureAwait(false))
        {
            return await WriteAndRecordAsync(attempt, definition, formatter, timeRange, destination, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ExportResult> WriteAndRecordAsync(Attempt attempt, ExportCategoryDefinition definition, IExportFormatter formatter, ExportTimeRange timeRange, ExportDestination destination, CancellationToken cancellationToken)
    {
        AssembledBundle? built = null;
        long size;
        string sha256;
        try
        {
            var exportId = ids.NewId("exp");
            var compressed = formatters.Compresses(attempt.Query.Format);
            if (formatters.StreamsItems(attempt.Query.Format))
            {
                // The formatter reads nothing before the items: the sources are read as it writes, nothing is held.
                (long Size, string Sha256) written = (0, string.Empty);
                built = await builder.StreamAsync(
                    definition,
                    attempt.Query,
                    timeRange,
                    exportId,
                    async (streamed, ct) => written = await WriteAsync(formatter, Track(streamed), destination, ct).ConfigureAwait(false),
                    compressed,
                    cancellationToken).ConfigureAwait(false);
                (size, sha256) = written;
                Assembled(built);
            }
            else
            {
                // A report that shows the first items of each section gets no more of them kept (every item is still counted and hashed).
                built = await builder.BuildAsync(definition, attempt.Query, timeRange, exportId, compressed, formatters.ItemsReadPerSection(attempt.Query.Format), cancellationToken).ConfigureAwait(false);
                Assembled(built);
                (size, sha256) = await WriteAsync(formatter, Track(built.Bundle), destination, cancellationToken).ConfigureAwait(false);
            }

            Activity.Current?.AddEvent(new ActivityEvent("export.written", tags: new ActivityTagsCollection { ["exportkit.bytes"] = size }));
        }
#pragma warning disable CA1031 // Classify turns any failure into an error code; the partial file is discarded either way.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            built?.Dispose();
            var (code, message) = Classify(ex, cancellationToken);
            return await DiscardAndFailAsync(attempt, destination, code, message, ex).ConfigureAwait(false);
        }

        // The bundle's spooled items are no longer needed once the bytes are written: release them before the bookkeeping.
        built.Dispose();
        return await CommitAsync(attempt, built, size, sha256, destination).ConfigureAwait(false);
    }

    private static void Assembled(AssembledBundle built) =>
        Activity.Current?.AddEvent(new ActivityEvent("bundle.assembled", tags: new ActivityTagsCollection { ["exportkit.sections"] = built.Bundle.Sections.Count, ["exportkit.items"] = built.Bundle.Metadata.TotalItems }));

    // A job's export counts the items the formatter writes, for its progress.
    private static ExportBundle Track(ExportBundle bundle) => ExportProgress.Current is { } progress ? progress.Track(bundle) : bundle;

    /// <summary>
    /// Writes and measures the output. A destination that can seek and be read is written directly — ZIP formats then
    /// need no temporary file — and hashed by reading the written bytes back (it was at its end, so they are all that
    /// follows its start); any other is hashed as it is written.
    /// </summary>
    // The output's size and SHA-256 are computed while the formatter writes. Only a formatter that goes back over what
    // it wrote (ZipArchive patches each entry's local header) makes the engine read the finished output back to hash it.
    private static async Task<(long Size, string Sha256)> WriteAsync(IExportFormatter formatter, ExportBundle bundle, ExportDestination destination, CancellationToken cancellationToken)
    {
        var stream = destination.Stream;
        if (destination.Start >= 0 && stream.CanRead)
        {
            using var hashing = new OutputHashingStream(stream, destination.Start);
            await formatter.WriteAsync(bundle, hashing, cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
            var written = hashing.Finish();
            if (hashing.Sequential)
            {
                return written;
            }

            var end = stream.Position;
            stream.Position = destination.Start;
            using var readBack = new HashingWriteStream(Stream.Null);
            await stream.CopyToAsync(readBack, cancellationToken).ConfigureAwait(false);
            stream.Position = end;
            return (end - destination.Start, readBack.FinishSha256Hex());
        }

        using var output = new HashingWriteStream(stream);
        await formatter.WriteAsync(bundle, output, cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return (output.BytesWritten, output.FinishSha256Hex());
    }

    private string UnknownCategoryMessage(ExportCategory category) =>
        $"Unknown export category '{category}'. Known categories: {string.Join(", ", catalog.Categories.Select(c => c.Value))}. Register a definition with AddCategory to add one.";

    private string UnknownFormatMessage(ExportFormat format) =>
        $"No formatter is registered for format '{format}'. Registered formats: {string.Join(", ", catalog.Formats.Select(f => f.Value))}. Register one with AddFormatter.";

    private static (string Code, string Message) Classify(Exception exception, CancellationToken cancellationToken)
    {
        if (Find<DestinationFailedException>(exception) is { } destination)
        {
            return (ExportErrorCodes.StorageFailed, $"Writing to the destination failed: {destination.Message}");
        }

        return exception switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => (ExportErrorCodes.Cancelled, "The export was cancelled; nothing was written."),
            OperationCanceledException => (ExportErrorCodes.Cancelled, $"An operation inside the export was cancelled ({exception.Message}); nothing was written."),
            ExportException export => (export.ErrorCode, export.Message),
            _ => (ExportErrorCodes.FormatFailed, $"Writing format failed: {exception.Message}"),
        };
    }

    // Formatters and the libraries under them wrap exceptions (CsvHelper's WriterException, aggregate exceptions).
    private static T? Find<T>(Exception? exception)
        where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T found)
            {
                return found;
            }
        }

        return null;
    }

    private sealed record Attempt(ExportQuery Query, ExportPrincipal? Principal, string QueryId, long Started)
    {
        public PolicyDecision? Decision { get; init; }

        /// <summary>Gets the data sources of the category's phases, one each.</summary>
        public IReadOnlyList<string> DataSources { get; init; } = [];
    }
}
