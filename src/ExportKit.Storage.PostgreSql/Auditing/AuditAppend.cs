using System.Globalization;
using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// The one place an audit event is written: the chain's advisory lock, then the insert at the head, in one round trip
/// and one implicit transaction (a batch), so the lock is released the moment the row is committed or refused.
/// </summary>
internal static class AuditAppend
{
    /// <returns><see langword="false"/> when the sequence is taken (another writer appended first).</returns>
    /// <exception cref="InvalidOperationException">The id is taken, or the sequence would leave a gap.</exception>
    public static async Task<bool> AppendAtHeadAsync(NpgsqlConnection connection, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        using var batch = new NpgsqlBatch(connection);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(AuditEventRows.LockHead));
        var insert = new NpgsqlBatchCommand(AuditEventRows.InsertAtHead);
        AuditEventRows.AddParameters(insert.Parameters, auditEvent);
        batch.BatchCommands.Add(insert);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Only a writer that bypasses the lock can race to the primary key; the id's uniqueness is the caller's.
            return e.ConstraintName == "audit_events_pkey"
                ? false
                : throw new InvalidOperationException(
                    $"The audit event '{auditEvent.Id}' was not stored: an event with that id is already in the trail. Give every event a new id.", e);
        }

        if (insert.RecordsAffected == 1)
        {
            return true;
        }

        await ThrowIfGapAsync(connection, auditEvent, cancellationToken).ConfigureAwait(false);
        return false;
    }

    /// <summary>
    /// Appends a batch in one transaction under the chain's advisory lock: all of it, or none when the first sequence is
    /// taken (another writer appended first).
    /// </summary>
    /// <returns>The number appended: 0 or all of them.</returns>
    /// <exception cref="InvalidOperationException">An id is taken, or the batch would leave a gap; nothing was appended.</exception>
    public static async Task<int> AppendBatchAtHeadAsync(NpgsqlConnection connection, IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            using var batch = new NpgsqlBatch(connection, transaction);
            batch.BatchCommands.Add(new NpgsqlBatchCommand(AuditEventRows.LockHead));
            foreach (var auditEvent in auditEvents)
            {
                var insert = new NpgsqlBatchCommand(AuditEventRows.InsertAtHead);
                AuditEventRows.AddParameters(insert.Parameters, auditEvent);
                batch.BatchCommands.Add(insert);
            }

            try
            {
                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                return e.ConstraintName == "audit_events_pkey"
                    ? 0
                    : throw new InvalidOperationException(
                        $"The audit events were not stored: one of their ids ({DescribeIds(auditEvents)}) is already in the trail. Give every event a new id.", e);
            }

            var appended = 0;
            while (appended < auditEvents.Count && batch.BatchCommands[appended + 1].RecordsAffected == 1)
            {
                appended++;
            }

            if (appended == auditEvents.Count)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return appended;
            }

            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            if (appended > 0)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"The audit events were not stored: the event '{auditEvents[appended].Id}' (sequence {auditEvents[appended].Sequence}) does not follow the one before it in the batch. Seal a batch's events one after another (AuditTrail does)."));
            }
        }

        // The first event did not fit the head: taken (a writer got there first), or a gap.
        await ThrowIfGapAsync(connection, auditEvents[0], cancellationToken).ConfigureAwait(false);
        return 0;
    }

    /// <summary>An event that did not fit the head was either taken (fine: reseal) or would leave a gap (a bug: throw).</summary>
    private static async Task ThrowIfGapAsync(NpgsqlConnection connection, AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        using var last = new NpgsqlCommand("SELECT coalesce(max(sequence), 0) FROM audit_events;", connection);
        var head = Convert.ToInt64(await last.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        if (auditEvent.Sequence > head)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The audit event '{auditEvent.Id}' was not stored: its sequence {auditEvent.Sequence} would leave a gap after the last, {head}. Seal events with the sequence after the store's last event (AuditTrail does)."));
        }
    }

    private static string DescribeIds(IReadOnlyList<AuditEvent> auditEvents) =>
        auditEvents.Count == 1 ? $"'{auditEvents[0].Id}'" : $"'{auditEvents[0].Id}' … '{auditEvents[^1].Id}'";
}
