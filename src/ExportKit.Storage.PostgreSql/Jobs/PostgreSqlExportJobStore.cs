using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
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
    private const string ListSql = $"""
        SELECT {ExportJobRows.Columns} FROM export_jobs WHERE tenant_id = @tenant_id
        ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset;
        """;

    private const string ListByUserSql = $"""
        SELECT {ExportJobRows.Columns} FROM export_jobs WHERE tenant_id = @tenant_id AND user_id = @user_id
        ORDER BY created_at DESC, id DESC LIMIT @limit OFFSET @offset;
        """;

    private const string ListExpiredSql = $"""
        SELECT {ExportJobRows.Columns} FROM export_jobs WHERE status = 'success' AND expires_at <= @now
        ORDER BY expires_at, id LIMIT @limit;
        """;

    private readonly PostgreSqlDatabase database;

    /// <summary>Creates a store on a database, which may also hold the other ExportKit stores.</summary>
    /// <param name="connectionString">An Npgsql connection string, for example <c>Host=db;Username=exportkit;Password=...;Database=exportkit</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty, invalid or names no host.</exception>
    public PostgreSqlExportJobStore(string connectionString)
    {
        database = new PostgreSqlDatabase(connectionString);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The job is not new (queued, unclaimed, unattempted), a required field is blank, or its filters are not JSON.</exception>
    public async ValueTask AddAsync(ExportJob job, CancellationToken cancellationToken = default)
    {
        ExportJobChecks.ThrowIfInvalidNew(job);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand($"INSERT INTO export_jobs ({ExportJobRows.Columns}) VALUES ({ExportJobRows.Values});", connection);
            ExportJobRows.AddParameters(command.Parameters, job);
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
    public async ValueTask<ExportJob?> FindAsync(string tenantId, string jobId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        await foreach (var job in ReadAllAsync(
            command =>
            {
                command.CommandText = SelectByTenantAndIdSql;
                command.Parameters.AddText("tenant_id", tenantId);
                command.Parameters.AddText("id", jobId);
            },
            cancellationToken).ConfigureAwait(false))
        {
            return job;
        }

        return null;
    }

    /// <inheritdoc />
    /// <remarks>Jobs created at the same instant are listed by id, descending (ordinal).</remarks>
    /// <exception cref="InvalidDataException">A row was changed outside ExportKit and is malformed; the message names its id and column.</exception>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "One of two constant SQL texts; every value goes in as a parameter.")]
    public IAsyncEnumerable<ExportJob> ListAsync(string tenantId, string? userId, int limit, int offset, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ExportJobChecks.ThrowIfBadPage(limit, offset);
        return ReadAllAsync(
            command =>
            {
                command.CommandText = userId is null ? ListSql : ListByUserSql;
                command.Parameters.AddText("tenant_id", tenantId);
                command.Parameters.AddText("user_id", userId);
                command.Parameters.AddWithValue("limit", limit);
                command.Parameters.AddWithValue("offset", offset);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidDataException">A row was changed outside ExportKit and is malformed; the message names its id and column.</exception>
    public IAsyncEnumerable<ExportJob> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        ExportJobChecks.ThrowIfBadPage(limit, 0);
        return ReadAllAsync(
            command =>
            {
                command.CommandText = ListExpiredSql;
                command.Parameters.AddText("now", PostgreSqlInstants.Format(now));
                command.Parameters.AddWithValue("limit", limit);
            },
            cancellationToken);
    }

    private async IAsyncEnumerable<ExportJob> ReadAllAsync(Action<NpgsqlCommand> prepare, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            prepare(command);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return ExportJobRows.Read(reader);
                }
            }
        }
    }
}
