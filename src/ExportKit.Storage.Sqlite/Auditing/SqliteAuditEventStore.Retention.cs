using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// Retention (schema step 5): the anchor is recorded and the events, leaves and commitments up to its cut deleted in one
/// <c>BEGIN IMMEDIATE</c> transaction; the database's triggers allow those deletions only at or below the recorded cut,
/// and tree hashes are never deleted.
/// </summary>
public sealed partial class SqliteAuditEventStore : IAuditRetentionStore
{
    /// <inheritdoc />
    public async ValueTask<AuditRetentionAnchor?> GetRetentionAnchorAsync(CancellationToken cancellationToken = default)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT cut, previous_hash, pruned_before, pruned_at, checkpoint FROM audit_retention ORDER BY cut DESC LIMIT 1;";
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
                    PrunedBefore = SqliteInstants.Parse(reader.GetString(2)),
                    PrunedAt = SqliteInstants.Parse(reader.GetString(3)),
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
#pragma warning disable CA1849 // BEGIN IMMEDIATE, as for appends
            using var transaction = connection.BeginTransaction(deferred: false);
#pragma warning restore CA1849
            using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT INTO audit_retention (cut, previous_hash, pruned_before, pruned_at, checkpoint)
                    VALUES (@cut, @previous_hash, @pruned_before, @pruned_at, @checkpoint);
                    """;
                insert.Parameters.AddWithValue("@cut", anchor.Cut);
                insert.Parameters.AddWithValue("@previous_hash", anchor.PreviousHash);
                insert.Parameters.AddWithValue("@pruned_before", SqliteInstants.Format(anchor.PrunedBefore));
                insert.Parameters.AddWithValue("@pruned_at", SqliteInstants.Format(anchor.PrunedAt));
                insert.Parameters.AddWithValue("@checkpoint", anchor.Checkpoint);
                try
                {
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException e) when (e.SqliteErrorCode == SqliteCommands.ConstraintViolation)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"The retention cut {anchor.Cut} was refused: the cut only moves forward, keeps the newest event and must name a stored event with a leaf by its hash. Nothing was pruned. ({e.Message})"), nameof(anchor), e);
                }
            }

            long deleted;
            using (var delete = connection.CreateCommand())
            {
                delete.Transaction = transaction;
                delete.CommandText = """
                    DELETE FROM audit_commitments WHERE sequence <= @cut;
                    DELETE FROM audit_leaves WHERE sequence <= @cut;
                    DELETE FROM audit_events WHERE sequence <= @cut;
                    SELECT changes();
                    """;
                delete.Parameters.AddWithValue("@cut", anchor.Cut);
                deleted = Convert.ToInt64(await delete.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return deleted;
        }
    }
}
