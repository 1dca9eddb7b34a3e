using System.Globalization;
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
            using var command = new NpgsqlCommand("SELECT cut, previous_hash, pruned_before, pruned_at, checkpoint FROM audit_retention ORDER BY cut DESC LIMIT 1;", connection);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                return new AuditRetentionAnchor
                {
                    Cut = reader.GetInt64(0),
                    PreviousHash = reader.GetString(1),
                    PrunedBefore = Instant(reader.GetString(2), "pruned_before"),
                    PrunedAt = Instant(reader.GetString(3), "pruned_at"),
                    Checkpoint = reader.GetString(4),
                };
            }
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

                using (var insert = new NpgsqlCommand("""
                    INSERT INTO audit_retention (cut, previous_hash, pruned_before, pruned_at, checkpoint)
                    VALUES (@cut, @previous_hash, @pruned_before, @pruned_at, @checkpoint);
                    """, connection, transaction))
                {
                    insert.Parameters.AddWithValue("cut", anchor.Cut);
                    insert.Parameters.AddWithValue("previous_hash", anchor.PreviousHash ?? string.Empty);
                    insert.Parameters.AddWithValue("pruned_before", PostgreSqlInstants.Format(anchor.PrunedBefore));
                    insert.Parameters.AddWithValue("pruned_at", PostgreSqlInstants.Format(anchor.PrunedAt));
                    insert.Parameters.AddWithValue("checkpoint", anchor.Checkpoint);
                    try
                    {
                        await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.UniqueViolation)
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                            $"The retention cut {anchor.Cut} was refused: the cut only moves forward, keeps the newest event and must name a stored event with a leaf by its hash. Nothing was pruned. ({e.MessageText})"), nameof(anchor), e);
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

    private static DateTimeOffset Instant(string text, string column) =>
        PostgreSqlInstants.TryParse(text, out var instant)
            ? instant
            : throw new InvalidDataException($"audit_retention.{column} holds '{text}', which is not an instant ExportKit wrote: the table was changed outside ExportKit.");
}
