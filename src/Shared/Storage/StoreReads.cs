using System.Data.Common;
using System.Runtime.CompilerServices;

namespace ExportKit.Storage;

/// <summary>Runs a query and maps its rows, on a connection of its own or a command the caller prepared.</summary>
internal static class StoreReads
{
    /// <summary>Opens a connection, runs the command <paramref name="prepare"/> sets up and yields every row, mapped.</summary>
    public static async IAsyncEnumerable<T> ReadAllAsync<T>(
        Func<CancellationToken, Task<DbConnection>> open,
        Action<DbCommand> prepare,
        Func<DbDataReader, T> map,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = await open(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            prepare(command);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return map(reader);
                }
            }
        }
    }

    /// <summary>The first row of the command's result, mapped, or <see langword="null"/> when there is none.</summary>
    public static async Task<T?> ReadFirstAsync<T>(DbCommand command, Func<DbDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(reader) : null;
        }
    }
}
