namespace ExportKit.Audit;

/// <summary>
/// Erases a person's personal data from every event of the trail (GDPR art. 17): each event whose user id is the
/// person's loses the values it committed to, and their salts, so the leaves, the chain and every checkpoint and proof
/// still verify while the values cannot be recovered. The erasure is recorded in each tenant it touched.
/// </summary>
internal static class PersonalDataEraser
{
    public const string ErasedEventType = "audit.personal_data_erased";

    public static async Task<long> EraseAsync(AuditTrail trail, IAuditEventStore store, IAuditTreeStore tree, bool userIdIsPersonal, string userId, CancellationToken cancellationToken)
    {
        var targets = new List<(AuditEvent Event, List<string> Fields)>();
        var matched = 0L;
        var leaves = tree.ReadLeavesAsync(1, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (leaves.ConfigureAwait(false))
        {
            var hasLeaf = await leaves.MoveNextAsync().ConfigureAwait(false);
            await foreach (var row in store.ReadChainAsync(cancellationToken).ConfigureAwait(false))
            {
                while (hasLeaf && leaves.Current.Sequence < row.Sequence)
                {
                    hasLeaf = await leaves.MoveNextAsync().ConfigureAwait(false);
                }

                if (row.IsMalformed || !string.Equals(row.Event.UserId, userId, StringComparison.Ordinal))
                {
                    continue;
                }

                matched++;
                var fields = hasLeaf && leaves.Current.Sequence == row.Sequence
                    ? leaves.Current.Commitments.Where(c => !c.IsErased).Select(c => c.Field).ToList()
                    : [];
                if (fields.Count > 0)
                {
                    targets.Add((row.Event, fields));
                }
            }
        }

        if (matched == 0)
        {
            throw new ArgumentException($"No audit event has the user id '{userId}': check the id (it is compared exactly). Nothing was erased.", nameof(userId));
        }

        foreach (var (auditEvent, fields) in targets)
        {
            var redacted = AuditRedaction.Redact(auditEvent, new HashSet<string>(fields, StringComparer.Ordinal));
            await tree.EraseAsync(redacted, fields, cancellationToken).ConfigureAwait(false);
        }

        foreach (var tenant in targets.GroupBy(t => t.Event.TenantId, StringComparer.Ordinal))
        {
            await trail.RecordAsync(new AuditEventDraft
            {
                EventType = ErasedEventType,
                TenantId = tenant.Key,
                ActorType = AuditActorType.System,
                Severity = AuditSeverity.Warning,
                ResourceType = "user",
                ResourceId = userIdIsPersonal ? null : userId,
                Context = new
                {
                    erasedEvents = tenant.Count(),
                    firstSequence = tenant.Min(t => t.Event.Sequence),
                    lastSequence = tenant.Max(t => t.Event.Sequence),
                },
            }, cancellationToken).ConfigureAwait(false);
        }

        return targets.Count;
    }
}
