namespace ExportKit;

/// <summary>
/// The audit trail as a transparency log (RFC 9162 Merkle tree, C2SP signed checkpoints): sign the log's current state,
/// prove that an event is in it and that an older checkpoint's log is a prefix of a newer one, and verify the whole
/// store against a checkpoint kept elsewhere. Proofs and checkpoints are checked by Go's golang.org/x/mod/sumdb/note
/// and tlog as they are by this interface.
/// </summary>
/// <remarks>
/// Every method that takes a checkpoint first checks that this log signed it (origin and key); a checkpoint of another
/// log or key, or a malformed one, is an <see cref="ArgumentException"/> that says what is wrong, and nothing changes.
/// </remarks>
public interface IAuditTransparencyLog
{
    /// <summary>Gets the key that verifies this log's checkpoints, in the signed-note format <c>&lt;name&gt;+&lt;hex key hash&gt;+&lt;base64 key&gt;</c>.</summary>
    string VerifierKey { get; }

    /// <summary>Signs a checkpoint of the log as it is now: a C2SP tlog-checkpoint (origin, tree size, base64 root hash) in a signed note.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The signed checkpoint text.</returns>
    Task<string> CreateCheckpointAsync(CancellationToken cancellationToken = default);

    /// <summary>Proves that the event with <paramref name="sequence"/> is in a checkpoint's tree.</summary>
    /// <param name="sequence">The event's sequence, from 1.</param>
    /// <param name="checkpoint">A checkpoint this log signed whose tree holds the event.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>JSON <c>{"index": &lt;0-based leaf index&gt;, "leaf": "&lt;base64 leaf bytes&gt;", "proof": ["&lt;base64 hash&gt;", …]}</c>.</returns>
    /// <exception cref="ArgumentException">The checkpoint is malformed, another log's or another key's, or not of this log's history.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No event has that sequence in the checkpoint's tree.</exception>
    Task<string> ProveInclusionAsync(long sequence, string checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Proves that an older checkpoint's log is a prefix of a newer checkpoint's (RFC 9162 §2.1.4).</summary>
    /// <param name="olderCheckpoint">The older checkpoint this log signed.</param>
    /// <param name="newerCheckpoint">The newer checkpoint this log signed.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>JSON <c>{"proof": ["&lt;base64 hash&gt;", …]}</c>.</returns>
    /// <exception cref="ArgumentException">A checkpoint is malformed, another log's or key's, not of this log's history, or the older is larger than the newer.</exception>
    Task<string> ProveConsistencyAsync(string olderCheckpoint, string newerCheckpoint, CancellationToken cancellationToken = default);

    /// <summary>Checks an inclusion proof against a checkpoint, without reading the store.</summary>
    /// <param name="checkpoint">The checkpoint the proof is for, signed by this log.</param>
    /// <param name="proofJson">The proof, as <see cref="ProveInclusionAsync"/> writes it.</param>
    /// <returns><see langword="true"/> when the leaf is in the checkpoint's tree at the proof's index.</returns>
    /// <exception cref="ArgumentException">The checkpoint or the proof is malformed, or the checkpoint is another log's or key's.</exception>
    bool CheckInclusionProof(string checkpoint, string proofJson);

    /// <summary>Checks a consistency proof between two checkpoints, without reading the store.</summary>
    /// <param name="olderCheckpoint">The older checkpoint, signed by this log.</param>
    /// <param name="newerCheckpoint">The newer checkpoint, signed by this log.</param>
    /// <param name="proofJson">The proof, as <see cref="ProveConsistencyAsync"/> writes it.</param>
    /// <returns><see langword="true"/> when the older log is a prefix of the newer.</returns>
    /// <exception cref="ArgumentException">A checkpoint or the proof is malformed, or a checkpoint is another log's or key's.</exception>
    bool CheckConsistencyProof(string olderCheckpoint, string newerCheckpoint, string proofJson);

    /// <summary>
    /// Verifies the whole store: the chain, every event against its leaf, every stored tree hash against the leaves,
    /// and, given an earlier checkpoint, that the log still holds everything it signed (else
    /// <see cref="AuditChainFailure.Truncated"/> or <see cref="AuditChainFailure.Rewritten"/>).
    /// </summary>
    /// <param name="checkpoint">An earlier checkpoint kept elsewhere, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The verification, with how many events had personal data erased.</returns>
    /// <exception cref="ArgumentException">The checkpoint is malformed, or another log's or key's.</exception>
    Task<AuditChainVerification> VerifyAsync(string? checkpoint = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Erases a person's personal data (GDPR art. 17) from every event whose user id is <paramref name="userId"/>: the
    /// IP address, X-Forwarded-For, user agent, the configured personal JSON members (and the user id itself when it is
    /// configured as personal) are removed with the salts of their commitments, so every checkpoint and proof still
    /// verifies and the values cannot be recovered. The erasure is recorded as an <c>audit.personal_data_erased</c>
    /// event in each tenant it touched. Events recorded before the store kept the tree hold their data in clear in
    /// their leaves and are not changed.
    /// </summary>
    /// <param name="userId">The person's user id, compared exactly.</param>
    /// <param name="cancellationToken">Cancels the erasure between events.</param>
    /// <returns>How many events had data erased (0 when everything was already erased).</returns>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is blank, or no event has that user id; nothing is erased.</exception>
    Task<long> ErasePersonalDataAsync(string userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Prunes for retention the events recorded before <paramref name="before"/>: from the oldest remaining event up to
    /// the first one recorded at or after that date (never past it, and never the newest event), their content and
    /// leaves are deleted, the tree hashes stay, and <paramref name="checkpoint"/> is kept as the trust anchor. The log is
    /// verified against the checkpoint first, and the pruning is recorded as an <c>audit.retention.pruned</c> event in
    /// each tenant it touched.
    /// </summary>
    /// <param name="before">The retention date: only events recorded before it are pruned; not in the future.</param>
    /// <param name="checkpoint">The latest checkpoint this log signed; every pruned event must be in its tree.</param>
    /// <param name="cancellationToken">Cancels the pruning before anything is deleted.</param>
    /// <returns>How many events were pruned (0 when none is older than the date or all of them were pruned already).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="before"/> is in the future.</exception>
    /// <exception cref="ArgumentException">The checkpoint is malformed, another log's or key's, not of this log's history, or older than the cut (it does not hold every event to prune); nothing is pruned.</exception>
    /// <exception cref="InvalidOperationException">The log does not verify against the checkpoint; nothing is pruned.</exception>
    /// <exception cref="NotSupportedException">The store cannot prune (it does not implement <see cref="IAuditRetentionStore"/>).</exception>
    Task<long> PruneAsync(DateTimeOffset before, string checkpoint, CancellationToken cancellationToken = default);

    /// <summary>Prunes the events older than the configured retention period (<see cref="PruneAsync"/> with now minus that period).</summary>
    /// <param name="checkpoint">The latest checkpoint this log signed; every pruned event must be in its tree.</param>
    /// <param name="cancellationToken">Cancels the pruning before anything is deleted.</param>
    /// <returns>How many events were pruned.</returns>
    /// <exception cref="InvalidOperationException">No retention period is configured, or the log does not verify against the checkpoint.</exception>
    /// <exception cref="ArgumentException">As for <see cref="PruneAsync"/>: the checkpoint is not this log's, or the period would cut past it.</exception>
    /// <exception cref="NotSupportedException">The store cannot prune.</exception>
    Task<long> PruneExpiredAsync(string checkpoint, CancellationToken cancellationToken = default);
}
