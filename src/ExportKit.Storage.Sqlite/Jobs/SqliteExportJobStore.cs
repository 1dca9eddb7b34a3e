using ExportKit.Jobs;
using Microsoft.Data.Sqlite;

namespace ExportKit.Storage.Sqlite;

/// <summary>
/// An <see cref="IExportJobStore"/> kept in a SQLite database file, shared by any number of threads and processes on
/// one machine: every change — claim, heartbeat, finish, cancel, expiry — reads the job and writes its new state in one
/// <c>BEGIN IMMEDIATE</c> transaction, which holds the file's single write lock, so two workers never claim the same
/// job and only the lease holder ends it. The new state comes from the rules every job store shares, so this store and
/// the in-memory one agree field by field. Jobs are never deleted (the database's own trigger refuses it).
/// </summary>
public sealed partial class SqliteExportJobStore : IExportJobStore
{
    private readonly SqliteDatabase database;
    private readonly ExportJobStoreCore core;

    /// <summary>Creates a store on a database file, which may also hold the export log, the audit events and the export registry.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string naming a file, for example <c>Data Source=exportkit.db</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty, invalid, in-memory or read-only.</exception>
    public SqliteExportJobStore(string connectionString)
    {
        database = new SqliteDatabase(connectionString);
        core = new ExportJobStoreCore(
            Statements,
            SqliteParameters.Instance,
            reader => new SqliteRowDecoder((SqliteDataReader)reader),
            async cancellationToken => await database.OpenAsync(cancellationToken).ConfigureAwait(false),
            BeginImmediate);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The job is not new (queued, unclaimed, unattempted), a required field is blank, or its filters are not JSON.</exception>
    public async ValueTask AddAsync(ExportJob job, CancellationToken cancellationToken = default)
    {
        ExportJobChecks.ThrowIfInvalidNew(job);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = ExportJobRows.Insert;
            ExportJobRows.AddParameters(SqliteParameters.Instance, command.Parameters, job);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == SqliteCommands.ConstraintViolation)
            {
                if (await connection.ExistsAsync("SELECT EXISTS (SELECT 1 FROM export_jobs WHERE id = @value);", job.Id, cancellationToken).ConfigureAwait(false))
                {
                    throw new InvalidOperationException($"An export job with id {job.Id} is already stored: give every job a new id.", e);
                }

                throw new ArgumentException($"Export job {job.Id} was not stored: {e.Message} Give its filters as JSON and its SHA-256, if any, as 64 lower-case hex digits.", nameof(job), e);
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The row was changed outside ExportKit and is malformed; the message names its id and column.</exception>
    public ValueTask<ExportJob?> FindAsync(string tenantId, string jobId, CancellationToken cancellationToken = default) =>
        core.FindAsync(tenantId, jobId, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Jobs created at the same instant are listed by id, descending (ordinal on the UTF-8 bytes).</remarks>
    /// <exception cref="InvalidDataException">A row was changed outside ExportKit and is malformed; the message names its id and column.</exception>
    public IAsyncEnumerable<ExportJob> ListAsync(string tenantId, string? userId, int limit, int offset, CancellationToken cancellationToken = default) =>
        core.ListAsync(tenantId, userId, limit, offset, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">A row was changed outside ExportKit and is malformed; the message names its id and column.</exception>
    public IAsyncEnumerable<ExportJob> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        core.ListExpiredAsync(now, limit, cancellationToken);
}
