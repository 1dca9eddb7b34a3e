using Npgsql;

namespace ExportKit.Storage.PostgreSql;

/// <summary>
/// An <see cref="IExportRegistry"/> kept in a PostgreSQL database: every generated export, never changed (the
/// database's own triggers refuse updates, deletes and truncation). Safe to use from any number of threads and
/// processes on any number of machines.
/// </summary>
public sealed class PostgreSqlExportRegistry : IExportRegistry
{
    private readonly PostgreSqlDatabase database;
    private readonly ExportRecordReads reads;

    /// <summary>Creates a registry on a database, which may also hold the export log.</summary>
    /// <param name="connectionString">An Npgsql connection string, for example <c>Host=db;Username=exportkit;Password=...;Database=exportkit</c>.</param>
    /// <exception cref="ArgumentException">The connection string is empty, invalid or names no host.</exception>
    public PostgreSqlExportRegistry(string connectionString)
    {
        database = new PostgreSqlDatabase(connectionString);
        reads = new ExportRecordReads(
            PostgreSqlParameters.Instance,
            reader => ExportRecordRows.Read((NpgsqlDataReader)reader),
            async cancellationToken => await database.OpenAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">A different export with the same id is already recorded; or the server cannot be reached, refuses the credentials, or holds a newer schema.</exception>
    public async ValueTask AddAsync(ExportRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = new NpgsqlCommand(ExportRecordRows.Insert, connection);
            ExportRecordRows.AddParameters(PostgreSqlParameters.Instance, command.Parameters, record);
            if (await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                return;
            }
        }

        // Recording the same export again (a retry) is not a change.
        if (record.Equals(await FindAsync(record.TenantId, record.ExportId, cancellationToken).ConfigureAwait(false)))
        {
            return;
        }

        throw new InvalidOperationException(
            $"The export '{record.ExportId}' is already recorded, and records are never changed: give every execution a new export id.");
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
