namespace ExportKit.Audit;

/// <summary>
/// The audit trail: records events (stamped, diffed and chained to the one before) in an <see cref="IAuditEventStore"/>
/// and reads them back. Appends share commits: events recorded at the same time are sealed in order on the chain head
/// the trail keeps in memory and appended together in one <see cref="IAuditEventStore.TryAppendBatchAsync"/>, and no
/// caller's task completes before its batch is stored. Across processes the store refuses a taken sequence and the
/// trail reloads the head, reseals the refused events on it and tries again.
/// </summary>
public sealed partial class AuditTrail : IAuditTrail
{
    /// <summary>How many times an append is tried when other writers keep taking the sequence.</summary>
    internal const int MaxAppendAttempts = AuditAppender.MaxAttempts;

    private const string IdPrefix = "aud";

    private readonly IAuditEventStore store;
    private readonly TimeProvider timeProvider;
    private readonly IExportIdGenerator ids;
    private readonly AuditEventHasher hasher;
    private readonly bool skipUnchangedUpdates;
    private readonly AuditAppender appender;

    /// <summary>Creates a trail over a store.</summary>
    /// <param name="store">Where the events are kept.</param>
    /// <param name="timeProvider">The clock that stamps the events.</param>
    /// <param name="ids">Makes the events' ids (prefix <c>aud</c>).</param>
    /// <param name="options">The options; read once, later changes have no effect.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public AuditTrail(IAuditEventStore store, TimeProvider timeProvider, IExportIdGenerator ids, AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid(nameof(options));
        this.store = store;
        this.timeProvider = timeProvider;
        this.ids = ids;
        hasher = new AuditEventHasher(options.DecodeHmacKey());
        skipUnchangedUpdates = options.SkipUnchangedUpdates;
        treeStore = store as IAuditTreeStore;
        personalData = options.PersonalDataPolicy();
        appender = new AuditAppender(store, timeProvider, hasher, treeStore is null ? null : new AuditTreeSealer(store, treeStore, hasher, personalData));
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentNullException"><paramref name="draft"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The draft is invalid (event type, tenant, severity or actor type); the message names the field.</exception>
    /// <exception cref="InvalidOperationException">Other writers took the next sequence 100 times in a row.</exception>
    /// <exception cref="OperationCanceledException">The token was cancelled before the event was taken into a batch; once taken, it is recorded (or fails) with its batch.</exception>
    /// <remarks>Any exception of the store's append fails every event of the batch it was in; none of them is recorded when the store appends batches all or none.</remarks>
    public async Task<AuditEvent?> RecordAsync(AuditEventDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        AuditEventDraftValidator.Validate(draft);
        var before = CanonicalJson.ToNode(draft.Before);
        var after = CanonicalJson.ToNode(draft.After);
        var diff = JsonDiff.Compare(before, after);
        if (skipUnchangedUpdates && draft.Before is not null && draft.After is not null && diff.Count == 0)
        {
            return null;
        }

        var unsealed = new AuditEvent
        {
            Id = ids.NewId(IdPrefix),
            Sequence = 0,
            Timestamp = default,
            EventType = draft.EventType,
            Severity = draft.Severity,
            ActorType = draft.ActorType,
            UserId = draft.UserId,
            TenantId = draft.TenantId,
            ResourceType = draft.ResourceType,
            ResourceId = draft.ResourceId,
            ContextJson = CanonicalJson.Serialize(draft.Context),
            Request = draft.Request,
            BeforeJson = before is null ? null : CanonicalJson.Write(before),
            AfterJson = after is null ? null : CanonicalJson.Write(after),
            Diff = diff,
            PreviousHash = AuditEventHasher.GenesisHash,
            Hash = string.Empty,
        };

        return await appender.AppendAsync(unsealed, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEvent>> QueryAsync(AuditQuery query, ExportPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(principal);
        query.Validate();
        AuditAccess.CheckRead(query, principal, "reading the audit log");
        var page = new List<AuditEvent>(Math.Min(query.Limit, 64));
        await foreach (var auditEvent in store.QueryAsync(query, query.Offset, query.Limit, cancellationToken).ConfigureAwait(false))
        {
            page.Add(auditEvent);
        }

        return page;
    }

    /// <inheritdoc />
    public async Task<AuditEvent?> GetAsync(string id, ExportPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(principal);
        AuditAccess.CheckDetails(principal);

        // Scoped to the principal's tenant: another tenant's event is not found, exactly like an unknown id.
        return await store.FindAsync(principal.TenantId, id, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>Paging is not checked.</remarks>
    public async Task<IReadOnlyDictionary<AuditSeverity, long>> CountBySeverityAsync(AuditQuery query, ExportPrincipal principal, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(principal);
        ValidateFilters(query);
        AuditAccess.CheckRead(query, principal, "counting the audit log's events");
        var counts = Enum.GetValues<AuditSeverity>().ToDictionary(s => s, _ => 0L);
        await foreach (var auditEvent in store.QueryAsync(query, 0, long.MaxValue, cancellationToken).ConfigureAwait(false))
        {
            counts[auditEvent.Severity]++;
        }

        return counts;
    }

    /// <inheritdoc />
    public Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        VerifyAsync(null, cancellationToken);

    /// <summary>Verifies the chain and, when the store keeps it, the tree, against an optional anchor (a checkpoint's size and root).</summary>
    internal Task<AuditChainVerification> VerifyAsync((long Size, byte[] Root)? anchor, CancellationToken cancellationToken) =>
        VerifyAsync(anchor, null, cancellationToken);

    /// <summary>
    /// Verifies as above, starting after retention's cut when events were pruned; <paramref name="retentionAnchor"/> is
    /// the retention anchor's signed tree when the caller could open its checkpoint (the transparency log can, the trail
    /// alone has no key).
    /// </summary>
    internal async Task<AuditChainVerification> VerifyAsync(
        (long Size, byte[] Root)? anchor, (long Size, byte[] Root)? retentionAnchor, CancellationToken cancellationToken)
    {
        var pruned = await GetRetentionAnchorAsync(cancellationToken).ConfigureAwait(false);
        var start = pruned is null ? null : new RetentionStart(pruned.Cut, retentionAnchor);
        if (treeStore is null)
        {
            return await ChainVerifier.VerifyAsync(store, hasher, null, pruned, cancellationToken).ConfigureAwait(false);
        }

        // The leaves' reader is closed however the pass ends: at the first bad event, on a failure, or at the end.
        var leaves = new LeafVerifier(store, treeStore, hasher, anchor, start);
        await using (leaves.ConfigureAwait(false))
        {
            return await ChainVerifier.VerifyAsync(store, hasher, leaves, pruned, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gets the store's latest retention anchor, or <see langword="null"/> when it cannot prune or never did.</summary>
    internal async ValueTask<AuditRetentionAnchor?> GetRetentionAnchorAsync(CancellationToken cancellationToken) =>
        store is IAuditRetentionStore retention ? await retention.GetRetentionAnchorAsync(cancellationToken).ConfigureAwait(false) : null;

    /// <summary>Checks a query's filters, ignoring its page.</summary>
    internal static void ValidateFilters(AuditQuery query) => (query with { Limit = 1, Offset = 0 }).Validate();
}
