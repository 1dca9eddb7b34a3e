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

        using var last = new NpgsqlCommand("SELECT coalesce(max(sequence), 0) FROM audit_events;", connection);
        var head = Convert.ToInt64(await last.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        return auditEvent.Sequence <= head
            ? false
            : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"The audit event '{auditEvent.Id}' was not stored: its sequence {auditEvent.Sequence} would leave a gap after the last, {head}. Seal events with the sequence after the store's last event (AuditTrail does)."));
    }
}
