using System.Globalization;

namespace ExportKit.Audit;

/// <summary>
/// The transparency log's half of verification, run alongside the chain in one streaming pass: each event's content
/// must rebuild its stored leaf (personal values against their commitments, erased ones by the commitment alone) and
/// its chain hash must be the hash of that leaf; every stored tree hash must be the one the leaves give (recomputed on
/// the tree's right edge, so memory stays logarithmic); and an anchor (a checkpoint's size and root) must be a prefix
/// of the verified tree. After retention pruned events 1 to <see cref="RetentionStart.Cut"/>, the pass starts at the
/// cut: the tree's right edge there is read from the stored hashes the pruning kept, and the retention anchor's signed
/// root (when the caller could open it) must be the root the remaining leaves give on top of them.
/// The pass checks the chain as its reader found it: writers may go on appending meanwhile (an event and its leaf in one
/// transaction), so the leaves' reader, and the tree's size read at the end, may show leaves past the last event the
/// chain's reader saw. Those are the later events' own leaves when the store holds those events by the end of the pass,
/// and the next verification checks them; a leaf past every stored event is still a tree mismatch.
/// </summary>
internal sealed class LeafVerifier(IAuditEventStore chain, IAuditTreeStore treeStore, AuditEventHasher hasher, (long Size, byte[] Root)? anchor, RetentionStart? retention = null) : IAsyncDisposable
{
    private const int CompareBatch = 1024;

    private static readonly byte[] LeafVersion = System.Text.Encoding.ASCII.GetBytes(AuditLeafEncoding.Version);

    private readonly System.Buffers.ArrayBufferWriter<byte> encoded = AuditEventHasher.NewBuffer();
    private readonly List<byte[]> rightEdge = [];
    private readonly List<long> pendingIndexes = [];
    private readonly List<byte[]> pendingHashes = [];
    private ReadAhead<AuditLeaf>? leaves;
    private long records;
    private bool leavesEnded;
    private long redacted;
    private string? treeProblem;

    public async ValueTask<bool> MatchesAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        var reader = await StartAsync(cancellationToken).ConfigureAwait(false);
        if (leavesEnded || !await reader.MoveNextAsync().ConfigureAwait(false))
        {
            // Events recorded before the store kept the tree (a database migrated from an older schema) get their leaves
            // at the next append; until then the newest events may lack one, and only their chain hash can be checked.
            leavesEnded = true;
            return string.Equals(hasher.Hash(auditEvent), auditEvent.Hash, StringComparison.Ordinal);
        }

        if (reader.Current.Sequence != auditEvent.Sequence)
        {
            treeProblem ??= string.Create(CultureInfo.InvariantCulture, $"event {auditEvent.Id} (sequence {auditEvent.Sequence}) has no leaf in the tree.");
            return false;
        }

        var leaf = reader.Current;
        var data = leaf.Data.Span;
        if (Versioned(data))
        {
            AuditLeafEncoding.Encode(auditEvent, AuditCommitments.Recompute(auditEvent, leaf.Commitments), encoded);
        }
        else
        {
            AuditEventEncoding.Encode(auditEvent, encoded);
        }

        if (!data.SequenceEqual(encoded.WrittenSpan) || !hasher.Matches(data, auditEvent.Hash))
        {
            return false;
        }

        if (leaf.Commitments.Any(c => c.IsErased))
        {
            redacted++;
        }

        await AddRecordAsync(MerkleHashing.RecordHash(data), cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<AuditChainVerification> FinishAsync(long checkedCount, CancellationToken cancellationToken)
    {
        var reader = await StartAsync(cancellationToken).ConfigureAwait(false);
        var extra = !leavesEnded && await reader.MoveNextAsync().ConfigureAwait(false);
        var extraSequence = extra ? reader.Current.Sequence : 0;
        await DisposeAsync().ConfigureAwait(false);
        if (extra && !await AppendedMeanwhileAsync(extraSequence, cancellationToken).ConfigureAwait(false))
        {
            return Fail(checkedCount, AuditChainFailure.TreeMismatch, string.Create(CultureInfo.InvariantCulture,
                $"the tree has a leaf for sequence {extraSequence}, but no such event is stored."));
        }

        await CompareAsync(cancellationToken).ConfigureAwait(false);
        if (treeProblem is not null)
        {
            return Fail(checkedCount, AuditChainFailure.TreeMismatch, treeProblem);
        }

        var size = await treeStore.GetTreeSizeAsync(cancellationToken).ConfigureAwait(false);
        if (size < records || (size > records && !await AppendedMeanwhileAsync(size, cancellationToken).ConfigureAwait(false)))
        {
            return Fail(checkedCount, AuditChainFailure.TreeMismatch, string.Create(CultureInfo.InvariantCulture,
                $"the store reports a tree of {size} leaves, but {records} were read."));
        }

        if (retention?.SignedAnchor is { } kept && await AnchorProblemAsync(kept, cancellationToken).ConfigureAwait(false) is { } keptProblem)
        {
            return Fail(checkedCount, keptProblem.Failure, "the retention anchor (the checkpoint kept when events were pruned): " + keptProblem.Message);
        }

        if (anchor is { } a && await AnchorProblemAsync(a, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            return Fail(checkedCount, problem.Failure, problem.Message);
        }

        return new AuditChainVerification
        {
            EventsChecked = checkedCount,
            Failure = AuditChainFailure.None,
            RedactedEvents = redacted,
            PrunedEvents = retention?.Cut ?? 0,
        };
    }

    /// <summary>Closes the leaves' reader, also when the chain stopped at a bad event before <see cref="FinishAsync"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        leavesEnded = true;
        if (leaves is not null)
        {
            await leaves.DisposeAsync().ConfigureAwait(false);
            leaves = null;
        }
    }

    /// <summary>The root of the tree of every leaf read so far.</summary>
    public byte[] Root()
    {
        if (rightEdge.Count == 0)
        {
            return MerkleHashing.EmptyTreeHash();
        }

        var h = rightEdge[^1];
        for (var i = rightEdge.Count - 2; i >= 0; i--)
        {
            h = MerkleHashing.NodeHash(rightEdge[i], h);
        }

        return h;
    }

    // Whether the store now holds the event of this sequence: its leaf, past the chain the pass read, was appended with
    // it while the pass ran. A last row too malformed to read explains nothing (the next verification reports it).
    private async ValueTask<bool> AppendedMeanwhileAsync(long sequence, CancellationToken cancellationToken)
    {
        try
        {
            return (await chain.GetLastAsync(cancellationToken).ConfigureAwait(false))?.Sequence >= sequence;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static bool Versioned(ReadOnlySpan<byte> data) =>
        data.Length > 5 + LeafVersion.Length && data[0] == 1 && data.Slice(5, LeafVersion.Length).SequenceEqual(LeafVersion);

    private async Task AddRecordAsync(byte[] leafHash, CancellationToken cancellationToken)
    {
        // The subtrees on the right edge are exactly the stored hashes record n needs (StoredHashes.IndexesForRecord).
        var n = records++;
        var m = System.Numerics.BitOperations.TrailingZeroCount((ulong)(n + 1));
        var added = StoredHashes.ForRecord(n, leafHash, rightEdge.GetRange(rightEdge.Count - m, m));
        rightEdge.RemoveRange(rightEdge.Count - m, m);
        rightEdge.Add(added[^1]);
        var first = StoredHashes.Index(0, n);
        for (var i = 0; i < added.Length; i++)
        {
            pendingIndexes.Add(first + i);
            pendingHashes.Add(added[i]);
        }

        if (pendingIndexes.Count >= CompareBatch)
        {
            await CompareAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task CompareAsync(CancellationToken cancellationToken)
    {
        if (pendingIndexes.Count == 0 || treeProblem is not null)
        {
            return;
        }

        IReadOnlyList<byte[]> stored;
        try
        {
            stored = await treeStore.ReadHashesAsync(pendingIndexes, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentOutOfRangeException)
        {
            treeProblem = "the store is missing tree hashes that its leaves require.";
            return;
        }

        for (var i = 0; i < stored.Count; i++)
        {
            if (!stored[i].AsSpan().SequenceEqual(pendingHashes[i]))
            {
                var (level, position) = StoredHashes.Split(pendingIndexes[i]);
                treeProblem = string.Create(CultureInfo.InvariantCulture,
                    $"stored tree hash {pendingIndexes[i]} (level {level}, position {position}) is not the hash of its leaves: the tree's storage was changed, so proofs from it cannot be trusted.");
                break;
            }
        }

        pendingIndexes.Clear();
        pendingHashes.Clear();
    }

    private async Task<(AuditChainFailure Failure, string Message)?> AnchorProblemAsync((long Size, byte[] Root) a, CancellationToken cancellationToken)
    {
        if (a.Size > records)
        {
            return (AuditChainFailure.Truncated, string.Create(CultureInfo.InvariantCulture,
                $"the checkpoint signed a log of {a.Size} events, but the log now has {records}: {a.Size - records} event(s) it signed were removed."));
        }

        var root = a.Size == records ? Root() : TreeProofs.TreeHash(a.Size,
            await treeStore.ReadHashesAsync(TreeProofs.TreeHashIndexes(a.Size), cancellationToken).ConfigureAwait(false));
        if (!root.AsSpan().SequenceEqual(a.Root))
        {
            return (AuditChainFailure.Rewritten, string.Create(CultureInfo.InvariantCulture,
                $"the log's first {a.Size} events no longer have the root hash the checkpoint signed: history before the checkpoint was rewritten."));
        }

        return null;
    }

    /// <summary>Opens the leaves at the first remaining sequence and, after pruning, rebuilds the right edge at the cut from the kept hashes.</summary>
    private async ValueTask<ReadAhead<AuditLeaf>> StartAsync(CancellationToken cancellationToken)
    {
        if (leaves is not null)
        {
            return leaves;
        }

        var cut = retention?.Cut ?? 0;
        if (cut > 0)
        {
            try
            {
                rightEdge.AddRange(await treeStore.ReadHashesAsync(TreeProofs.TreeHashIndexes(cut), cancellationToken).ConfigureAwait(false));
            }
            catch (ArgumentOutOfRangeException)
            {
                treeProblem = string.Create(CultureInfo.InvariantCulture, $"the tree hashes kept for the {cut} pruned events are missing: retention must keep them.");
            }

            records = cut;
        }

        leaves = ReadAhead<AuditLeaf>.Start(treeStore.ReadLeavesAsync(cut + 1, cancellationToken), cancellationToken);
        return leaves;
    }

    private static AuditChainVerification Fail(long checkedCount, AuditChainFailure failure, string message) => new()
    {
        EventsChecked = checkedCount,
        Failure = failure,
        Message = message,
    };
}
