using System.Globalization;

namespace ExportKit.Audit;

/// <summary>
/// Verifies the chain in one streaming pass, in bounded memory, and stops at the first problem: a sequence that repeats
/// or goes back (out of order), a sequence gap or a previous hash that does not match the event before (missing), or
/// content that no longer matches its hash (changed). Order is checked before content, so a reordered or removed event
/// is reported as such and not as the changed hash it also causes. A gap followed at once by a sequence that goes back
/// (1, 3, 2) is two events swapped, reported as out of order at the event that goes back. A row the store could not
/// decode as its queries decode it (<see cref="AuditChainRow.IsMalformed"/>) is reported as malformed, naming its
/// sequence, id and column: an event the tenant's queries cannot see must not pass as part of a valid chain.
/// Each row is hashed through one reused buffer and its stored hash compared digit by digit, so the pass allocates
/// nothing beyond what the store's decoding does. The store's rows are read on another core, a bounded number ahead
/// (<see cref="ReadAhead{T}"/>), so reading them and re-hashing them take the time of the slower of the two.
/// </summary>
internal static class ChainVerifier
{
    public static Task<AuditChainVerification> VerifyAsync(
        IAuditEventStore store, AuditEventHasher hasher, CancellationToken cancellationToken) =>
        VerifyAsync(store, hasher, null, null, cancellationToken);

    /// <summary>
    /// Verifies the chain; with <paramref name="leaves"/>, each event's content is checked against its leaf and the tree
    /// is checked too. With a retention <paramref name="pruned"/> anchor the chain starts after its cut, at the first
    /// remaining event, which must link to the pruned predecessor's hash the anchor kept.
    /// </summary>
    public static async Task<AuditChainVerification> VerifyAsync(
        IAuditEventStore store, AuditEventHasher hasher, LeafVerifier? leaves, AuditRetentionAnchor? pruned, CancellationToken cancellationToken)
    {
        long checkedCount = 0;

        // A retention anchor is only the store's word: the prune must also be recorded in the chain it left (see
        // RetentionPruner), or the events before the cut were removed outside ExportKit.
        var pruneRecorded = pruned is null;
        var previousSequence = pruned?.Cut ?? 0;
        var previousHash = pruned?.PreviousHash ?? AuditEventHasher.GenesisHash;
        var buffer = AuditEventHasher.NewBuffer();
        // Rows are read and decoded on another core while this one re-hashes them (the store's reads are most of the work).
        var rows = ReadAhead<AuditChainRow>.Start(store.ReadChainAsync(cancellationToken), cancellationToken);
        await using (rows.ConfigureAwait(false))
        {
            while (await rows.MoveNextAsync().ConfigureAwait(false))
            {
                var row = rows.Current;
                checkedCount++;
                var expected = previousSequence + 1;
                if (row.Sequence < expected)
                {
                    return Fail(checkedCount, AuditChainFailure.OutOfOrder, row,
                        $"event {Name(row)} has sequence {row.Sequence} after sequence {previousSequence}: sequences repeat or go back, so events were reordered or duplicated.");
                }

                if (row.Sequence > expected)
                {
                    if (await rows.MoveNextAsync().ConfigureAwait(false) && rows.Current.Sequence < row.Sequence)
                    {
                        var next = rows.Current;
                        return Fail(checkedCount + 1, AuditChainFailure.OutOfOrder, next,
                            $"event {Name(next)} has sequence {next.Sequence} after sequence {row.Sequence}: events were reordered.");
                    }

                    return Fail(checkedCount, AuditChainFailure.Missing, row,
                        $"event {Name(row)} has sequence {row.Sequence} but {expected} was expected: {row.Sequence - expected} event(s) before it are missing.");
                }

                if (row.IsMalformed)
                {
                    return Fail(checkedCount, AuditChainFailure.Malformed, row,
                        $"event {Name(row)} (sequence {row.Sequence}) is malformed: column {row.Column}: {row.Reason}. The tenant's queries would not see it as it was recorded; it was changed outside ExportKit.");
                }

                var auditEvent = row.Event;
                if (!string.Equals(auditEvent.PreviousHash, previousHash, StringComparison.Ordinal))
                {
                    return Fail(checkedCount, AuditChainFailure.Missing, row,
                        $"event {auditEvent.Id} (sequence {auditEvent.Sequence}) links to previous hash {auditEvent.PreviousHash}, but the event before it has hash {previousHash}: the event it was chained to is not there.");
                }

                var matches = leaves is null
                    ? hasher.Matches(auditEvent, buffer, auditEvent.Hash)
                    : await leaves.MatchesAsync(auditEvent, cancellationToken).ConfigureAwait(false);
                if (!matches)
                {
                    return Fail(checkedCount, AuditChainFailure.Changed, row,
                        $"event {auditEvent.Id} (sequence {auditEvent.Sequence}) no longer matches its hash: its content was changed after it was recorded, or it was sealed with another key.");
                }

                previousSequence = auditEvent.Sequence;
                previousHash = auditEvent.Hash;
                pruneRecorded = pruneRecorded || RetentionPruner.Records(auditEvent, pruned!);
            }
        }

        if (!pruneRecorded)
        {
            return new AuditChainVerification
            {
                EventsChecked = checkedCount,
                Failure = AuditChainFailure.Missing,
                FirstBadSequence = pruned!.Cut,
                Message = string.Create(CultureInfo.InvariantCulture,
                    $"the store says events 1 to {pruned.Cut} were pruned by retention on {pruned.PrunedAt:O}, but no {RetentionPruner.PrunedEventType} event in the remaining chain records that prune (cut {pruned.Cut}, last pruned hash {pruned.PreviousHash}): those events were removed outside ExportKit."),
            };
        }

        if (leaves is not null)
        {
            return await leaves.FinishAsync(checkedCount, cancellationToken).ConfigureAwait(false);
        }

        return new AuditChainVerification { EventsChecked = checkedCount, Failure = AuditChainFailure.None, PrunedEvents = pruned?.Cut ?? 0 };
    }

    private static string Name(AuditChainRow row) => row.Id ?? "(unreadable id)";

    private static AuditChainVerification Fail(long checkedCount, AuditChainFailure failure, AuditChainRow row, FormattableString message) => new()
    {
        EventsChecked = checkedCount,
        Failure = failure,
        FirstBadEventId = row.Id,
        FirstBadSequence = row.Sequence,
        Message = message.ToString(CultureInfo.InvariantCulture),
    };
}
