using Microsoft.Extensions.Logging;

namespace ExportKit.Telemetry;

/// <summary>The engine's log messages: decisions, outcomes and cleanup, with stable event ids.</summary>
internal static partial class ExportEngineLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Export {QueryId} of {Category} as {Format} for tenant {TenantId} by {UserId}: policy allowed it ({Reason}).")]
    public static partial void Allowed(ILogger logger, string queryId, string category, string format, string tenantId, string userId, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Export {QueryId} of {Category} as {Format} for tenant {TenantId} by {UserId} was denied: {Violations}")]
    public static partial void Denied(ILogger logger, string queryId, string category, string format, string tenantId, string userId, string violations);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Export {ExportId} of {Category} as {Format} for tenant {TenantId} written: {Items} items, {SizeBytes} bytes, sha256 {Sha256}.")]
    public static partial void Written(ILogger logger, string exportId, string category, string format, string tenantId, long items, long sizeBytes, string sha256);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Export {QueryId} of {Category} as {Format} for tenant {TenantId} failed ({ErrorCode}): {Message}")]
    public static partial void Failed(ILogger logger, string queryId, string category, string format, string tenantId, string errorCode, string message);

    [LoggerMessage(EventId = 5, Level = LogLevel.Information, Message = "Removed {Count} stale partial export file(s) left in {Directory} by a process that stopped while exporting.")]
    public static partial void StalePartialFilesRemoved(ILogger logger, int count, string directory);
}
