using ExportKit.Jobs;
using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// An <see cref="IExportJobStore"/> kept in a PostgreSQL database: one queue that workers on any number of machines
/// claim from with <c>FOR UPDATE SKIP LOCKED</c> under leases. Every transition reads the row locked and writes it in
/// one transaction, so a connection lost half-way changes nothing, and a job whose worker died (its lease ran out) is
/// claimed again. Jobs are kept after they end; the database refuses to delete them or change their identity.
/// </summary>
public sealed partial class PostgreSqlExportJobStore : IExportJobStore
{
    private readonly PostgreSqlDatabase database;
    private readonly ExportJobStoreCore core;

    /// <summary>Creates a store on a database, which may also hold the other ExportKit stores.</summary>
    /// <param name="connectionString">An Npgsql connection string, for example <c>Host=db;Username=exportkit;Password=...;Database=exportkit</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty, invalid or names no host.</exception>
    public PostgreSqlExportJobStore(string connectionString)
    {
        database = new PostgreSqlDatabase(connectionString);
        core = new ExportJobStoreCore(
            Statements,
            PostgreSqlParameters.Instance,
            reader => new PostgreSqlRowDecoder((NpgsqlDataReader)reader),
            async cancellationToken => await database.OpenAsync(cancellationToken).ConfigureAwait(false),
            (connection, cancellationToken) => connection.BeginTransactionAsync(cancellationToken));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The job is not new (queued, unclaimed, unattempted), a required field is blank, or its filters are not JSON.</exception>
    public async ValueTask AddAsync(ExportJob job, CancellationToken cancellationToken = default)
    {
        ExportJobChecks.ThrowIfInvalidNew(job);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand(ExportJobRows.Insert, connection);
            ExportJobRows.AddParameters(PostgreSqlParameters.Instance, command.Parameters, job);
            try
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new InvalidOperationException($"An export job with id {job.Id} is already stored: give every job a new id.", e);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.CheckViolation or PostgresErrorCodes.InvalidTextRepresentation)
            {
                throw new ArgumentException($"Export job {job.Id} was not stored: {e.MessageText}. Give its filters as JSON and its SHA-256, if any, as 64 lower-case hex digits.", nameof(job), e);
            }
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">The row was changed outside ExportKit and is malformed; the message names its id and column.</exception>
    public ValueTask<ExportJob?> FindAsync(string tenantId, string jobId, CancellationToken cancellationToken = default) =>
        core.FindAsync(tenantId, jobId, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Jobs created at the same instant are listed by id, descending (ordinal).</remarks>
    /// <exception cref="InvalidDataException">A row was changed outside ExportKit and is malformed; the message names its id and column.</exception>
    public IAsyncEnumerable<ExportJob> ListAsync(string tenantId, string? userId, int limit, int offset, CancellationToken cancellationToken = default) =>
        core.ListAsync(tenantId, userId, limit, offset, cancellationToken);

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">A row was changed outside ExportKit and is malformed; the message names its id and column.</exception>
    public IAsyncEnumerable<ExportJob> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default) =>
        core.ListExpiredAsync(now, limit, cancellationToken);
}
