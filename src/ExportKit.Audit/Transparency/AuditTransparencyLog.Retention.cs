using System.Globalization;

namespace ExportKit.Audit;

/// <summary>Retention: pruning old events with a checkpoint kept as the trust anchor (see <see cref="RetentionPruner"/>).</summary>
public sealed partial class AuditTransparencyLog
{
    /// <inheritdoc />
    public async Task<long> PruneAsync(DateTimeOffset before, string checkpoint, CancellationToken cancellationToken = default)
    {
        var retention = trail.Store as IAuditRetentionStore ?? throw new NotSupportedException(
            "The trail's store cannot prune for retention (it does not implement IAuditRetentionStore): use the in-memory or SQLite audit store, or keep every event.");
        var now = trail.TimeProvider.GetUtcNow();
        if (before > now)
        {
            throw new ArgumentOutOfRangeException(nameof(before), before, string.Create(CultureInfo.InvariantCulture,
                $"The retention date {before:O} is in the future (now is {now:O}): only events recorded in the past can be pruned. Give a date at or before now. Nothing was pruned."));
        }

        var opened = await OpenOwnAsync(checkpoint, nameof(checkpoint), cancellationToken).ConfigureAwait(false);
        var verification = await VerifyAsync(checkpoint, cancellationToken).ConfigureAwait(false);
        if (!verification.IsValid)
        {
            throw new InvalidOperationException(
                $"The audit log does not verify against the checkpoint ({verification.Failure}: {verification.Message}) Nothing was pruned: pruning would delete the evidence. Find out what changed first.");
        }

        return await RetentionPruner.PruneAsync(trail, retention, tree, opened, checkpoint, before, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<long> PruneExpiredAsync(string checkpoint, CancellationToken cancellationToken = default)
    {
        var period = retentionPeriod ?? throw new InvalidOperationException(
            "No retention period is configured: set AuditTransparencyOptions.RetentionPeriod (for example 365 days), or prune with an explicit date (PruneAsync).");
        return PruneAsync(trail.TimeProvider.GetUtcNow() - period, checkpoint, cancellationToken);
    }
}
