using System.Globalization;
using System.Text.Json;

namespace ExportKit.Storage.Sqlite;

/// <summary>Erasure (schema step 4 allows exactly this update): the personal columns and the salts, in one transaction.</summary>
public sealed partial class SqliteAuditEventStore
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
#pragma warning disable CA1849 // BEGIN IMMEDIATE, as for appends
            using var transaction = connection.BeginTransaction(deferred: false);
#pragma warning restore CA1849
            using (var update = connection.CreateCommand())
            {
                update.Transaction = transaction;
                update.CommandText = """
                    UPDATE audit_events SET user_id = @user_id, request_ip_address = @request_ip_address,
                        request_forwarded_for = @request_forwarded_for, request_user_agent = @request_user_agent,
                        context_json = @context_json, before_json = @before_json, after_json = @after_json, diff_json = @diff_json
                    WHERE sequence = @sequence AND id = @id;
                    """;
                foreach (var name in AuditEventRows.ParameterNames)
                {
                    update.Parameters.Add(new Microsoft.Data.Sqlite.SqliteParameter { ParameterName = name });
                }

                AuditEventRows.Bind(update.Parameters, redacted);
                if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                        $"No event {redacted.Id} with sequence {redacted.Sequence} is stored: erase only stored events."), nameof(redacted));
                }
            }

            using (var salts = connection.CreateCommand())
            {
                salts.Transaction = transaction;
                salts.CommandText = "UPDATE audit_commitments SET salt = NULL WHERE sequence = @sequence AND field IN (SELECT value FROM json_each(@fields));";
                salts.Parameters.AddWithValue("@sequence", redacted.Sequence);
                salts.Parameters.AddWithValue("@fields", JsonSerializer.Serialize(fields));
                await salts.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
