using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using ExportKit.Jobs;

namespace ExportKit.Storage;

/// <summary>
/// What an SQL <see cref="IExportJobStore"/> does the same on every database, over ADO.NET: the reads here, the
/// transitions in <c>ExportJobStoreCore.Transitions.cs</c>. The provider's store keeps its public surface and documents,
/// adds jobs (each database reports a duplicate id its own way), and passes in what differs: its SQL for holding a row
/// (<paramref name="sql"/>), how it binds values (<paramref name="bind"/>) and reads them (<paramref name="decoder"/>),
/// how it opens a connection and begins a change's transaction.
/// </summary>
internal sealed partial class ExportJobStoreCore(
    ExportJobStatements sql,
    StoreParameters bind,
    Func<DbDataReader, StoreRowDecoder> decoder,
    Func<CancellationToken, Task<DbConnection>> open,
    Func<DbConnection, CancellationToken, ValueTask<DbTransaction>> begin)
{
    private const string SelectByTenantAndIdSql = $"SELECT {ExportJobRows.Columns} FROM export_jobs WHERE tenant_id = @tenant_id AND id = @id;";

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

    public async ValueTask<ExportJob?> FindAsync(string tenantId, string jobId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ArgumentException.ThrowIfNullOrWhiteSpace(jobId);
        var connection = await open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = SelectByTenantAndIdSql;
            bind.AddText(command.Parameters, "tenant_id", tenantId);
            bind.AddText(command.Parameters, "id", jobId);
            return await StoreReads.ReadFirstAsync(command, Read, cancellationToken).ConfigureAwait(false);
        }
    }

    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "One of two constant SQL texts; every value goes in as a parameter.")]
    public IAsyncEnumerable<ExportJob> ListAsync(string tenantId, string? userId, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        ExportJobChecks.ThrowIfBadPage(limit, offset);
        return StoreReads.ReadAllAsync(
            open,
            command =>
            {
                command.CommandText = userId is null ? ListSql : ListByUserSql;
                bind.AddText(command.Parameters, "tenant_id", tenantId);
                bind.AddText(command.Parameters, "user_id", userId);
                bind.AddValue(command.Parameters, "limit", limit);
                bind.AddValue(command.Parameters, "offset", offset);
            },
            Read,
            cancellationToken);
    }

    public IAsyncEnumerable<ExportJob> ListExpiredAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        ExportJobChecks.ThrowIfBadPage(limit, 0);
        return StoreReads.ReadAllAsync(
            open,
            command =>
            {
                command.CommandText = ListExpiredSql;
                bind.AddInstant(command.Parameters, "now", now);
                bind.AddValue(command.Parameters, "limit", limit);
            },
            Read,
            cancellationToken);
    }

    private ExportJob Read(DbDataReader reader) => ExportJobRows.Read(decoder(reader));
}
