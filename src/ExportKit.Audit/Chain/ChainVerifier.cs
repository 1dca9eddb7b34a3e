using System.Globalization;

namespace ExportKit.Audit;

/// <summary>
/// Verifies the chain in one streaming pass, in bounded memory, and stops at the first problem: a sequence that repeats
/// or goes back (out of order), a sequence gap or a previous hash that does not match the event before (missing), or
/// content that no longer matches its hash (changed). Order is checked before content, so a reordered or removed event
/// is reported as such and not as the changed hash it also causes. A gap followed at once by a sequence that goes back
/// (1, 3, 2) is two events swapped, reported as out of order at the event that goes back.
/// </summary>
internal static class ChainVerifier
{
    public static async Task<AuditChainVerification> VerifyAsync(
        IAuditEventStore store, AuditEventHasher hasher, CancellationToken cancellationToken)
    {
        long checkedCount = 0;
        long previousSequence = 0;
        var previousHash = AuditEventHasher.GenesisHash;
        var events = store.ReadChainAsync(cancellationToken).ConfigureAwait(false).GetAsyncEnumerator();
        await using (events)
        {
            while (await events.MoveNextAsync())
            {
                var auditEvent = events.Current;
                checkedCount++;
                var expected = previousSequence + 1;
                if (auditEvent.Sequence < expected)
                {
                    return Fail(checkedCount, AuditChainFailure.OutOfOrder, auditEvent,
                        $"event {auditEvent.Id} has sequence {auditEvent.Sequence} after sequence {previousSequence}: sequences repeat or go back, so events were reordered or duplicated.");
                }

                if (auditEvent.Sequence > expected)
                {
                    if (await events.MoveNextAsync() && events.Current.Sequence < auditEvent.Sequence)
                    {
                        var next = events.Current;
                        return Fail(checkedCount + 1, AuditChainFailure.OutOfOrder, next,
                            $"event {next.Id} has sequence {next.Sequence} after sequence {auditEvent.Sequence}: events were reordered.");
                    }

                    return Fail(checkedCount, AuditChainFailure.Missing, auditEvent,
                        $"event {auditEvent.Id} has sequence {auditEvent.Sequence} but {expected} was expected: {auditEvent.Sequence - expected} event(s) before it are missing.");
                }

                if (!string.Equals(auditEvent.PreviousHash, previousHash, StringComparison.Ordinal))
                {
                    return Fail(checkedCount, AuditChainFailure.Missing, auditEvent,
                        $"event {auditEvent.Id} (sequence {auditEvent.Sequence}) links to previous hash {auditEvent.PreviousHash}, but the event before it has hash {previousHash}: the event it was chained to is not there.");
                }

                if (!string.Equals(hasher.Hash(auditEvent), auditEvent.Hash, StringComparison.Ordinal))
                {
                    return Fail(checkedCount, AuditChainFailure.Changed, auditEvent,
                        $"event {auditEvent.Id} (sequence {auditEvent.Sequence}) no longer matches its hash: its content was changed after it was recorded, or it was sealed with another key.");
                }

                previousSequence = auditEvent.Sequence;
                previousHash = auditEvent.Hash;
            }
        }

        return new AuditChainVerification { EventsChecked = checkedCount, Failure = AuditChainFailure.None };
    }

    private static AuditChainVerification Fail(long checkedCount, AuditChainFailure failure, AuditEvent auditEvent, FormattableString message) => new()
    {
        EventsChecked = checkedCount,
        Failure = failure,
        FirstBadEventId = auditEvent.Id,
        FirstBadSequence = auditEvent.Sequence,
        Message = message.ToString(CultureInfo.InvariantCulture),
    };
}
