using System.Diagnostics;
using ExportKit.Engine;
using ExportKit.Telemetry;
using Microsoft.Extensions.Logging;

namespace ExportKit.Jobs;

/// <summary>One claimed job: run the export into the file store while heartbeating, then end it — or hand it back.</summary>
internal sealed partial class ExportJobRunner
{
    private async Task ProcessAsync(ExportJob job, string workerId, CancellationToken stoppingToken)
    {
        var kind = job.Kind == ExportJobKind.AuditCsv ? "audit-csv" : "bundle";
        using var activity = ExportInstrumentation.ActivitySource.StartActivity($"export-job {kind}", ActivityKind.Internal);
        activity?.SetTag(ExportInstrumentation.JobKindTag, kind);
        activity?.SetTag(ExportInstrumentation.TenantTag, job.TenantId);
        activity?.SetTag("exportkit.job.id", job.Id);
        activity?.SetTag("exportkit.job.attempt", job.Attempts);
        var started = time.GetTimestamp();
        var outcome = "failed";
        try
        {
            outcome = await RunClaimedAsync(job, workerId, stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            activity?.SetTag(ExportInstrumentation.JobOutcomeTag, outcome);
            if (outcome == "failed")
            {
                activity?.SetStatus(ActivityStatusCode.Error);
            }

            var tags = new TagList { { ExportInstrumentation.JobKindTag, kind }, { ExportInstrumentation.JobOutcomeTag, outcome } };
            ExportInstrumentation.JobDuration.Record(time.GetElapsedTime(started).TotalSeconds, tags);
            ExportInstrumentation.Jobs.Add(1, tags);
        }
    }

    /// <returns>What became of the claim: success, failed, cancelled, retried, handed-back or lease-lost.</returns>
    private async Task<string> RunClaimedAsync(ExportJob job, string workerId, CancellationToken stoppingToken)
    {
        if (job.CancelRequested || job.Attempts > options.MaxAttempts)
        {
            // A job taken over from a lost worker: cancelled meanwhile, or claimed too often without ever ending.
            var end = job.CancelRequested
                ? ExportJobOutcome.Cancelled(time.GetUtcNow())
                : ExportJobOutcome.Failed(time.GetUtcNow(), ExportJobErrorCodes.Abandoned, $"The job was claimed {job.Attempts} times without ending (its workers stopped or were killed while running it); create a new job.");
            return await store.FinishAsync(job.Id, workerId, end, CancellationToken.None).ConfigureAwait(false)
                ? OutcomeName(end)
                : "lease-lost";
        }

        var state = new RunState();
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var heartbeatStop = new CancellationTokenSource();
#pragma warning disable CA2025 // The heartbeat is awaited in the finally below, before either source is disposed.
        var heartbeat = HeartbeatAsync(job, workerId, state, run, heartbeatStop.Token);
#pragma warning restore CA2025
        ExportStoredFile? file = null;
        Exception? failure = null;
        try
        {
            (file, state.ExportId) = await ExportAsync(job, state, run.Token).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Every failure becomes the job's outcome: a retry, a failure with its message, or a hand-back.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }
        finally
        {
            await heartbeatStop.CancelAsync().ConfigureAwait(false);
            await heartbeat.ConfigureAwait(false);
        }

        if (state.Lost)
        {
            await DiscardAsync(file).ConfigureAwait(false);
            ExportJobLog.LeaseLost(log, job.Id, workerId);
            return "lease-lost";
        }

        var outcome = Outcome(job, state, file, failure, stoppingToken);
        if (outcome.Status != ExportJobStatus.Success)
        {
            await DiscardAsync(file).ConfigureAwait(false);
        }

        if (await store.FinishAsync(job.Id, workerId, outcome, CancellationToken.None).ConfigureAwait(false))
        {
            ExportJobLog.Finished(log, job.Id, outcome.Status, job.Attempts);
            return OutcomeName(outcome);
        }

        // Taken over while finishing: the new holder writes its own file; ours must not stay behind.
        await DiscardAsync(file).ConfigureAwait(false);
        ExportJobLog.LeaseLost(log, job.Id, workerId);
        return "lease-lost";
    }

    private static string OutcomeName(ExportJobOutcome outcome) => outcome.Status switch
    {
        ExportJobStatus.Success => "success",
        ExportJobStatus.Cancelled => "cancelled",
        ExportJobStatus.Failed => "failed",
        _ => outcome.CountsAsAttempt ? "retried" : "handed-back",
    };

    private ExportJobOutcome Outcome(ExportJob job, RunState state, ExportStoredFile? file, Exception? failure, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        if (state.CancelRequested)
        {
            return ExportJobOutcome.Cancelled(now);
        }

        if (file is not null && failure is null)
        {
            return ExportJobOutcome.Succeeded(now, file.Path, file.SizeBytes, state.Rows, file.Sha256, now + options.FileLifetime, state.ExportId);
        }

        if (stoppingToken.IsCancellationRequested)
        {
            return ExportJobOutcome.HandedBack(now); // A graceful shutdown hands the job back; the claim is not an attempt.
        }

        var (code, message) = failure switch
        {
            ExportRunFailedException run => (run.ErrorCode, run.Message),
            ExportJobException job1 => (job1.ErrorCode, job1.Message),
            UnauthorizedAccessException denied => (ExportErrorCodes.PolicyDenied, denied.Message),
            IOException io => (ExportErrorCodes.StorageFailed, $"Writing the job's file failed: {io.Message}"),
            null => (ExportErrorCodes.FormatFailed, "The export wrote no file."),
            _ => (ExportErrorCodes.FormatFailed, $"The export failed ({failure.GetType().Name}): {failure.Message}"),
        };
        if (failure is not null && IsTransient(failure) && job.Attempts < options.MaxAttempts)
        {
            var backoff = options.RetryBackoff * Math.Pow(2, job.Attempts - 1);
            return ExportJobOutcome.Requeued(now + backoff, $"Attempt {job.Attempts} of {options.MaxAttempts} failed ({code}): {message} It is retried after {backoff}.");
        }

        var attempts = job.Attempts > 1 ? $" after {job.Attempts} attempts" : string.Empty;
        return ExportJobOutcome.Failed(now, code, message + attempts);
    }

    private async Task<(ExportStoredFile File, string? ExportId)> ExportAsync(ExportJob job, RunState state, CancellationToken cancellationToken)
    {
        var name = ExportJobFileNames.For(job, time.GetUtcNow(), ExportJobFilters.Extension(job));
        if (job.Kind == ExportJobKind.AuditCsv)
        {
            var (query, principal) = ExportJobFilters.ReadAudit(job);
            var stored = await files.SaveAsync(name, async (stream, ct) =>
            {
                var counting = new CsvRowCountingStream(stream);
                state.Counter = counting;
                await auditTrail.ExportCsvAsync(query, principal, counting, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            state.Rows = state.Counter?.Rows ?? 0;
            return (stored, null);
        }

        var (bundleQuery, bundlePrincipal) = ExportJobFilters.ReadBundle(job);
        ExportResult? result = null;
        var progress = new ExportProgress();
        state.Items = progress;
        var file = await files.SaveAsync(name, async (stream, ct) =>
        {
            using (ExportProgress.Begin(progress))
            {
                result = await engine.ExportAsync(bundleQuery, bundlePrincipal, stream, ct).ConfigureAwait(false);
            }

            if (!result.Succeeded)
            {
                var transient = result.ErrorCode is ExportErrorCodes.StorageFailed or ExportErrorCodes.RecordFailed or ExportErrorCodes.SourceFailed;
                throw new ExportRunFailedException(result.ErrorCode, result.ErrorMessage, transient);
            }
        }, cancellationToken).ConfigureAwait(false);
        state.Rows = result!.Bundle!.Metadata.TotalItems;
        return (file, result.ExportId);
    }

    private async Task HeartbeatAsync(ExportJob job, string workerId, RunState state, CancellationTokenSource run, CancellationToken stop)
    {
        while (await DelayAsync(options.HeartbeatInterval, stop).ConfigureAwait(false))
        {
            ExportJob? renewed;
            try
            {
                renewed = await store.RenewAsync(job.Id, workerId, time.GetUtcNow(), options.LeaseDuration, state.Progress, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed heartbeat is tried again; if the lease runs out meanwhile, the next one says so.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                ExportJobLog.HeartbeatFailed(log, ex, job.Id);
                continue;
            }

            if (renewed is null || renewed.CancelRequested)
            {
                state.Lost = renewed is null;
                state.CancelRequested = renewed is not null;
                await run.CancelAsync().ConfigureAwait(false);
                return;
            }
        }
    }

    private async Task DiscardAsync(ExportStoredFile? file)
    {
        if (file is not null)
        {
            await files.DeleteAsync(file.Path, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private sealed class RunState
    {
        public volatile bool Lost;
        public volatile bool CancelRequested;

        public CsvRowCountingStream? Counter { get; set; }

        /// <summary>A bundle job's items written so far (the engine counts them while this job's export runs).</summary>
        public ExportProgress? Items { get; set; }

        /// <summary>Rows of an audit CSV job, or items of a bundle job, written so far.</summary>
        public long Progress => Counter?.Rows ?? Items?.Items ?? 0;

        public long Rows { get; set; }

        public string? ExportId { get; set; }
    }
}
