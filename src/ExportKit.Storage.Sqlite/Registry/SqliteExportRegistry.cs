using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// An <see cref="IExportRegistry"/> kept in a SQLite database file: every generated export, never changed (the
/// database's own triggers refuse updates and deletes). Safe to use from any number of threads and processes.
/// </summary>
public sealed class SqliteExportRegistry : IExportRegistry
{
    private readonly SqliteDatabase database;
    private readonly ExportRecordReads reads;

    /// <summary>Creates a registry on a database file, which may also hold the export log and the audit events.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string naming a file, for example <c>Data Source=exportkit.db</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty, invalid, in-memory or read-only.</exception>
    public SqliteExportRegistry(string connectionString)
    {
        database = new SqliteDatabase(connectionString);
        reads = new ExportRecordReads(
            SqliteParameters.Instance,
            reader => ExportRecordRows.Read((SqliteDataReader)reader),
            async cancellationToken => await database.OpenAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A different export with the same id is already recorded.</exception>
    public async ValueTask AddAsync(ExportRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = ExportRecordRows.Insert;
            ExportRecordRows.AddParameters(SqliteParameters.Instance, command.Parameters, record);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteCommands.ConstraintViolation)
            {
                if (await connection.ExistsAsync("SELECT EXISTS (SELECT 1 FROM exports WHERE export_id = @value);", record.ExportId, cancellationToken).ConfigureAwait(false))
                {
                    // Recording the same export again (a retry) is not a change.
                    if (record.Equals(await FindAsync(record.TenantId, record.ExportId, cancellationToken).ConfigureAwait(false)))
                    {
                        return;
                    }

                    throw new InvalidOperationException(
                        $"The export '{record.ExportId}' is already recorded, and records are never changed: give every execution a new export id.", e);
                }

                throw;
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>Exports with the same creation time are listed by export id (ordinal).</remarks>
    /// <exception cref="ArgumentException"><paramref name="tenantId"/> is <see langword="null"/>, empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limit"/> is not from 1 to 1000, or <paramref name="offset"/> is negative.</exception>
    /// <exception cref="InvalidDataException">A row was changed outside ExportKit and is malformed; the message names its export id and column.</exception>
    public IAsyncEnumerable<ExportRecord> ListAsync(string tenantId, int limit = 50, int offset = 0, CancellationToken cancellationToken = default) =>
        reads.ListAsync(tenantId, limit, offset, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> or <paramref name="exportId"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidDataException">The row was changed outside ExportKit and is malformed; the message names its export id and column.</exception>
    public ValueTask<ExportRecord?> FindAsync(string tenantId, string exportId, CancellationToken cancellationToken = default) =>
        reads.FindAsync(tenantId, exportId, cancellationToken);
}
