using System.Globalization;

namespace ExportKit.Audit;

/// <summary>
/// Retention: finds the cut (the oldest remaining events up to the first one recorded at or after the date, never the
/// newest event, never past the anchor checkpoint's tree), has the store delete the events' content with the anchor
/// recorded, and records the pruning in each tenant it touched. The caller has verified the log against the anchor.
/// </summary>
internal static class RetentionPruner
{
    public const string PrunedEventType = "audit.retention.pruned";

    /// <summary>Whether <paramref name="auditEvent"/> records the prune that left <paramref name="anchor"/>: its cut and the last pruned event's hash.</summary>
    public static bool Records(AuditEvent auditEvent, AuditRetentionAnchor anchor)
    {
        if (!string.Equals(auditEvent.EventType, PrunedEventType, StringComparison.Ordinal) || auditEvent.ContextJson is not { } json)
        {
            return false;
        }

        try
        {
            using var context = System.Text.Json.JsonDocument.Parse(json);
            var root = context.RootElement;
            return root.ValueKind == System.Text.Json.JsonValueKind.Object
                && root.TryGetProperty("cut", out var cut) && cut.TryGetInt64(out var value) && value == anchor.Cut
                && root.TryGetProperty("cutHash", out var hash) && hash.ValueKind == System.Text.Json.JsonValueKind.String && hash.ValueEquals(anchor.PreviousHash);
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    public static async Task<long> PruneAsync(
        AuditTrail trail, IAuditRetentionStore retention, IAuditTreeStore tree, Checkpoint anchor, string checkpoint, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var previousCut = (await retention.GetRetentionAnchorAsync(cancellationToken).ConfigureAwait(false))?.Cut ?? 0;
        var last = await trail.Store.GetLastAsync(cancellationToken).ConfigureAwait(false);
        var treeSize = await tree.GetTreeSizeAsync(cancellationToken).ConfigureAwait(false);

        // The newest event always stays: the next event is chained to it, and the tree's size is read from its leaf.
        var limit = Math.Min(last?.Sequence ?? 0, treeSize) - 1;
        var cut = previousCut;
        var previousHash = string.Empty;
        var tenants = new SortedDictionary<string, (long Count, long First, long Last)>(StringComparer.Ordinal);
        await foreach (var row in trail.Store.ReadChainAsync(cancellationToken).ConfigureAwait(false))
        {
            if (row.Sequence <= previousCut)
            {
                continue;
            }

            // Stop at the first event the policy keeps: nothing recorded at or after the date is removed, even when an
            // older timestamp follows it (a clock set back), so the cut is always a prefix of the log.
            if (row.Sequence > limit || row.IsMalformed || row.Event.Timestamp >= before)
            {
                break;
            }

            cut = row.Sequence;
            previousHash = row.Event.Hash;
            tenants[row.Event.TenantId] = tenants.TryGetValue(row.Event.TenantId, out var t)
                ? (t.Count + 1, t.First, row.Sequence)
                : (1, row.Sequence, row.Sequence);
        }

        if (cut == previousCut)
        {
            return 0;
        }

        if (cut > anchor.Size)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Pruning the events recorded before {before:O} would remove events up to sequence {cut}, past the checkpoint's tree of {anchor.Size} events: the pruned events must stay provable by the kept checkpoint. Create a newer checkpoint (CreateCheckpointAsync), keep it, and prune with it, or give an earlier date. Nothing was pruned."),
                nameof(checkpoint));
        }

        foreach (var (tenant, (count, first, lastSequence)) in tenants)
        {
            await trail.RecordAsync(new AuditEventDraft
            {
                EventType = PrunedEventType,
                TenantId = tenant,
                ActorType = AuditActorType.System,
                Severity = AuditSeverity.Info,
                ResourceType = "audit_log",
                Context = new
                {
                    prunedEvents = count,
                    firstSequence = first,
                    lastSequence,
                    cut,
                    before = before.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                    anchorTreeSize = anchor.Size,
                    cutHash = previousHash,
                },
            }, cancellationToken).ConfigureAwait(false);
        }

        // Recorded first: the event is the chain's own word for the cut, which verification requires of the store's
        // anchor (a prune that fails after it leaves an intent no anchor reaches, which verification ignores).
        return await retention.PruneAsync(new AuditRetentionAnchor
        {
            Cut = cut,
            PreviousHash = previousHash,
            PrunedBefore = before,
            PrunedAt = trail.TimeProvider.GetUtcNow(),
            Checkpoint = checkpoint,
        }, CancellationToken.None).ConfigureAwait(false);
    }
}
