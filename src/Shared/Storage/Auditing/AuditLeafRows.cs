using System.Data.Common;
using System.Runtime.CompilerServices;

namespace ExportKit.Storage;

/// <summary>
/// Reading the transparency log's leaves in both SQL stores: one query joins each leaf with its commitments (ordered by
/// sequence, then field), and the rows of one sequence are folded into one <see cref="AuditLeaf"/>.
/// </summary>
internal static class AuditLeafRows
{
    public const string SelectFrom = """
        SELECT l.sequence, l.data, c.field, c.commitment, c.salt FROM audit_leaves AS l
        LEFT JOIN audit_commitments AS c ON c.sequence = l.sequence
        WHERE l.sequence >= @from ORDER BY l.sequence, c.field;
        """;

    /// <summary>The leaves the <see cref="SelectFrom"/> rows hold, in order.</summary>
    public static async IAsyncEnumerable<AuditLeaf> ReadAsync(DbDataReader reader, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        long sequence = 0;
        byte[]? data = null;
        var commitments = new List<AuditCommitment>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var rowSequence = reader.GetInt64(0);
            if (data is null || rowSequence != sequence)
            {
                if (data is not null)
                {
                    yield return new AuditLeaf { Sequence = sequence, Data = data, Commitments = commitments };
                    commitments = [];
                }

                // The join repeats the leaf's bytes on each of its commitments' rows: read them once per leaf.
                sequence = rowSequence;
                data = await reader.GetFieldValueAsync<byte[]>(1, cancellationToken).ConfigureAwait(false);
            }

            if (!await reader.IsDBNullAsync(2, cancellationToken).ConfigureAwait(false))
            {
                commitments.Add(new AuditCommitment
                {
                    Field = reader.GetString(2),
                    Commitment = await reader.GetFieldValueAsync<byte[]>(3, cancellationToken).ConfigureAwait(false),
                    // Typed as ReadOnlyMemory<byte>?: a null byte[] would convert to an empty memory, not to "no salt".
                    Salt = await reader.IsDBNullAsync(4, cancellationToken).ConfigureAwait(false) ? (ReadOnlyMemory<byte>?)null : await reader.GetFieldValueAsync<byte[]>(4, cancellationToken).ConfigureAwait(false),
                });
            }
        }

        if (data is not null)
        {
            yield return new AuditLeaf { Sequence = sequence, Data = data, Commitments = commitments };
        }
    }
}
