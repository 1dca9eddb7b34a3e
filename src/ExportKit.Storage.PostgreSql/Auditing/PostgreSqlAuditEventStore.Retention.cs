using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// Retention (schema step 5): the anchor is recorded and the events, leaves and commitments up to its cut deleted in one
/// transaction under the chain's advisory lock (so no append or other prune interleaves); the database's triggers allow
/// those deletions only at or below the recorded cut, and tree hashes are never deleted.
/// </summary>
public sealed partial class PostgreSqlAuditEventStore : IAuditRetentionStore
{
    /// <inheritdoc />
    public async ValueTask<AuditRetentionAnchor?> GetRetentionAnchorAsync(CancellationToken cancellationToken = default)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand(AuditRetentionRows.SelectLatest, connection);
            return await StoreReads.ReadFirstAsync(command, AuditRetentionRows.Read, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="anchor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The cut does not move forward, would remove the newest event or an event without a leaf, or the previous hash is not the last pruned event's; nothing is pruned.</exception>
    public async ValueTask<long> PruneAsync(AuditRetentionAnchor anchor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentException.ThrowIfNullOrWhiteSpace(anchor.Checkpoint, nameof(anchor));
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                using (var lockHead = new NpgsqlCommand(AuditEventRows.LockHead, connection, transaction))
                {
                    await lockHead.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                using (var insert = new NpgsqlCommand(AuditRetentionRows.Insert, connection, transaction))
                {
                    AuditRetentionRows.AddParameters(PostgreSqlParameters.Instance, insert.Parameters, anchor);
                    try
                    {
                        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.UniqueViolation)
                    {
                        throw AuditRetentionRows.Refused(anchor, e.MessageText, e);
                    }
                }

                using (var dependents = new NpgsqlCommand("DELETE FROM audit_commitments WHERE sequence <= @cut; DELETE FROM audit_leaves WHERE sequence <= @cut;", connection, transaction))
                {
                    dependents.Parameters.AddWithValue("cut", anchor.Cut);
                    await dependents.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                long deleted;
                using (var events = new NpgsqlCommand("DELETE FROM audit_events WHERE sequence <= @cut;", connection, transaction))
                {
                    events.Parameters.AddWithValue("cut", anchor.Cut);
                    deleted = await events.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return deleted;
            }
        }
    }
}
