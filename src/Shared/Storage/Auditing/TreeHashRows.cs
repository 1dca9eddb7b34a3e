using System.Data.Common;
using System.Globalization;

namespace ExportKit.Storage;

/// <summary>
/// Reading stored tree hashes by index in both SQL stores: each store's query yields (index, hash) in the order asked,
/// the hash <c>NULL</c> where that index is not stored.
/// </summary>
internal static class TreeHashRows
{
    /// <param name="reader">The query's reader.</param>
    /// <param name="indexes">The indexes asked for, in the order the rows come.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentOutOfRangeException">An index is not stored.</exception>
    public static async Task<IReadOnlyList<byte[]>> ReadAsync(DbDataReader reader, IReadOnlyList<long> indexes, CancellationToken cancellationToken)
    {
        var hashes = new List<byte[]>(indexes.Count);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.IsDBNullAsync(1, cancellationToken).ConfigureAwait(false))
            {
                throw new ArgumentOutOfRangeException(nameof(indexes), reader.GetInt64(0), string.Create(CultureInfo.InvariantCulture,
                    $"Tree hash {reader.GetInt64(0)} is not stored."));
            }

            hashes.Add(await reader.GetFieldValueAsync<byte[]>(1, cancellationToken).ConfigureAwait(false));
        }

        return hashes;
    }
}
