using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace ExportKit.Storage.PostgreSql;

/// <summary>Erasure (schema step 4 allows exactly this update): the personal columns and the salts, in one transaction.</summary>
public sealed partial class PostgreSqlAuditEventStore
{
    /// <inheritdoc />
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No event has the redacted event's sequence and id.</exception>
    public async ValueTask EraseAsync(AuditEvent redacted, IReadOnlyList<string> fields, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(redacted);
        ArgumentNullException.ThrowIfNull(fields);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                using (var update = new NpgsqlCommand("""
                    UPDATE audit_events SET user_id = @user_id, request_ip_address = @request_ip_address,
                        request_forwarded_for = @request_forwarded_for, request_user_agent = @request_user_agent,
                        context_json = @context_json, before_json = @before_json, after_json = @after_json, diff_json = @diff_json
                    WHERE sequence = @sequence AND id = @id;
                    """, connection, transaction))
                {
                    AuditEventRows.AddParameters(update.Parameters, redacted);
                    if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                    {
                        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                            $"No event {redacted.Id} with sequence {redacted.Sequence} is stored: erase only stored events."), nameof(redacted));
                    }
                }

                using (var salts = new NpgsqlCommand("UPDATE audit_commitments SET salt = NULL WHERE sequence = @sequence AND field = ANY(@fields);", connection, transaction))
                {
                    salts.Parameters.AddWithValue("sequence", redacted.Sequence);
                    salts.Parameters.Add(new NpgsqlParameter("fields", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = fields.ToArray() });
                    await salts.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
