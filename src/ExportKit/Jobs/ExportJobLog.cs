using Microsoft.Extensions.Logging;

namespace ExportKit.Jobs;

/// <summary>What the job worker logs.</summary>
internal static partial class ExportJobLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Error, Message = "Export job worker slot {Slot} failed; it tries again after the poll interval.")]
    public static partial void SlotFailed(ILogger logger, Exception exception, int slot);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "{Count} expired export job file(s) removed; their jobs are marked expired.")]
    public static partial void Expired(ILogger logger, int count);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Cleanup of expired export job files failed; it runs again at the next interval.")]
    public static partial void CleanupFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "Export job {JobId} was taken over by another worker; {WorkerId} discarded its file.")]
    public static partial void LeaseLost(ILogger logger, string jobId, string workerId);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Information, Message = "Export job {JobId} ended {Status} (attempt {Attempt}).")]
    public static partial void Finished(ILogger logger, string jobId, ExportJobStatus status, int attempt);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Warning, Message = "Heartbeat of export job {JobId} failed; it is tried again at the next interval.")]
    public static partial void HeartbeatFailed(ILogger logger, Exception exception, string jobId);
}
