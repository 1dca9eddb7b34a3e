using System.Data.Common;

namespace ExportKit.Storage;

/// <summary>
/// The export registry's reads, the same in every SQL store: one tenant's records a page at a time, newest first, and
/// one record by id. The provider passes how it binds values, reads a row (<paramref name="read"/>) and opens a connection.
/// </summary>
internal sealed class ExportRecordReads(
    StoreParameters bind, Func<DbDataReader, ExportRecord> read, Func<CancellationToken, Task<DbConnection>> open)
{
    /// <summary>The largest page <see cref="ListAsync"/> returns.</summary>
    private const int MaxLimit = 1000;

    private const string ListSql = $"""
        SELECT {ExportRecordRows.Columns} FROM exports WHERE tenant_id = @tenant_id
        ORDER BY created_at DESC, export_id LIMIT @limit OFFSET @offset;
        """;

    private const string FindSql = $"SELECT {ExportRecordRows.Columns} FROM exports WHERE tenant_id = @tenant_id AND export_id = @export_id;";

    public IAsyncEnumerable<ExportRecord> ListAsync(string tenantId, int limit, int offset, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "limit must be from 1 to 1000.");
        }

        if (offset < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "offset must be 0 or more.");
        }

        return StoreReads.ReadAllAsync(
            open,
            command =>
            {
                command.CommandText = ListSql;
                bind.AddText(command.Parameters, "tenant_id", tenantId);
                bind.AddValue(command.Parameters, "limit", limit);
                bind.AddValue(command.Parameters, "offset", offset);
            },
            read,
            cancellationToken);
    }

    public async ValueTask<ExportRecord?> FindAsync(string tenantId, string exportId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenantId);
        ArgumentNullException.ThrowIfNull(exportId);
        var connection = await open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = FindSql;
            bind.AddText(command.Parameters, "tenant_id", tenantId);
            bind.AddText(command.Parameters, "export_id", exportId);
            return await StoreReads.ReadFirstAsync(command, read, cancellationToken).ConfigureAwait(false);
        }
    }
}
