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
            command.CommandText = AuditRetentionRows.SelectLatest;
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
#pragma warning disable CA1849 // BEGIN IMMEDIATE, as for appends
            using var transaction = connection.BeginTransaction(deferred: false);
#pragma warning restore CA1849
            using (var insert = connection.CreateCommand())
            {
                insert.Transaction = transaction;
                insert.CommandText = AuditRetentionRows.Insert;
                AuditRetentionRows.AddParameters(SqliteParameters.Instance, insert.Parameters, anchor);
                try
                {
                    await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException e) when (e.SqliteErrorCode == SqliteCommands.ConstraintViolation)
                {
                    throw AuditRetentionRows.Refused(anchor, e.Message, e);
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
