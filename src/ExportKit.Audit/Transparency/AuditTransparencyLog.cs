using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ExportKit.Audit;

/// <summary>
/// The transparency log of an <see cref="AuditTrail"/> whose store keeps the Merkle tree (<see cref="IAuditTreeStore"/>):
/// signed checkpoints, inclusion and consistency proofs, and verification against a checkpoint.
/// </summary>
public sealed partial class AuditTransparencyLog : IAuditTransparencyLog
{
    private readonly AuditTrail trail;
    private readonly IAuditTreeStore tree;
    private readonly NoteKey key;
    private readonly string origin;
    private readonly TimeSpan? retentionPeriod;

    /// <summary>Creates the transparency log of a trail.</summary>
    /// <param name="trail">The trail; its store must keep the tree (the in-memory and SQLite stores do).</param>
    /// <param name="options">The signing key and origin; read once.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem), or the trail's store keeps no tree.</exception>
    public AuditTransparencyLog(AuditTrail trail, AuditTransparencyOptions options)
    {
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(options);
        key = options.Key();
        tree = trail.TreeStore ?? throw new ArgumentException(
            "The trail's store does not keep the transparency log's tree (it does not implement IAuditTreeStore): use the in-memory or SQLite audit store.", nameof(trail));
        this.trail = trail;
        origin = options.Origin ?? key.Name;
        retentionPeriod = options.RetentionPeriod;
    }

    /// <inheritdoc />
    public string VerifierKey => key.VerifierKey;

    /// <inheritdoc />
    public async Task<string> CreateCheckpointAsync(CancellationToken cancellationToken = default)
    {
        await trail.CatchUpTreeAsync(cancellationToken).ConfigureAwait(false);
        var size = await tree.GetTreeSizeAsync(cancellationToken).ConfigureAwait(false);
        var root = await RootAsync(size, cancellationToken).ConfigureAwait(false);
        return new Checkpoint(origin, size, root).Sign(key);
    }

    /// <inheritdoc />
    public async Task<string> ProveInclusionAsync(long sequence, string checkpoint, CancellationToken cancellationToken = default)
    {
        var opened = await OpenOwnAsync(checkpoint, nameof(checkpoint), cancellationToken).ConfigureAwait(false);
        if (sequence < 1 || sequence > opened.Size)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence,
                $"No event with sequence {sequence} is in the checkpoint's tree of {opened.Size} events: give a sequence from 1 to {opened.Size}, or a newer checkpoint.");
        }

        if (await trail.GetRetentionAnchorAsync(cancellationToken).ConfigureAwait(false) is { } pruned && sequence <= pruned.Cut)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), sequence, string.Create(CultureInfo.InvariantCulture,
                $"The event with sequence {sequence} was pruned by retention on {pruned.PrunedAt:O} (events 1 to {pruned.Cut}, recorded before {pruned.PrunedBefore:O}): its content is gone, so no inclusion proof can be made. Prove an event after sequence {pruned.Cut}; the retention anchor checkpoint still fixes the pruned history."));
        }

        var leaf = await FirstLeafAsync(sequence, cancellationToken).ConfigureAwait(false);
        var n = sequence - 1;
        var hashes = await tree.ReadHashesAsync(TreeProofs.RecordProofIndexes(opened.Size, n), cancellationToken).ConfigureAwait(false);
        var proof = TreeProofs.ProveRecord(opened.Size, n, hashes);
        return Json(writer =>
        {
            writer.WriteNumber("index", n);
            writer.WriteBase64String("leaf", leaf.Data.Span);
            WriteProof(writer, proof);
        });
    }

    /// <inheritdoc />
    public async Task<string> ProveConsistencyAsync(string olderCheckpoint, string newerCheckpoint, CancellationToken cancellationToken = default)
    {
        var older = await OpenOwnAsync(olderCheckpoint, nameof(olderCheckpoint), cancellationToken).ConfigureAwait(false);
        var newer = await OpenOwnAsync(newerCheckpoint, nameof(newerCheckpoint), cancellationToken).ConfigureAwait(false);
        if (older.Size > newer.Size)
        {
            throw new ArgumentException($"The older checkpoint has {older.Size} events and the newer {newer.Size}: give the smaller one as the older.", nameof(olderCheckpoint));
        }

        byte[][] proof = [];
        if (older.Size > 0)
        {
            var hashes = await tree.ReadHashesAsync(TreeProofs.TreeProofIndexes(newer.Size, older.Size), cancellationToken).ConfigureAwait(false);
            proof = TreeProofs.ProveTree(newer.Size, older.Size, hashes);
        }

        return Json(writer => WriteProof(writer, proof));
    }

    /// <inheritdoc />
    public bool CheckInclusionProof(string checkpoint, string proofJson)
    {
        var opened = Checkpoint.Open(checkpoint, origin, key, nameof(checkpoint));
        var (index, leaf, proof) = ProofJson.ReadInclusion(proofJson, nameof(proofJson));
        return TreeProofs.CheckRecord(proof, opened.Size, opened.Root, index, MerkleHashing.RecordHash(leaf));
    }

    /// <inheritdoc />
    public bool CheckConsistencyProof(string olderCheckpoint, string newerCheckpoint, string proofJson)
    {
        var older = Checkpoint.Open(olderCheckpoint, origin, key, nameof(olderCheckpoint));
        var newer = Checkpoint.Open(newerCheckpoint, origin, key, nameof(newerCheckpoint));
        var proof = ProofJson.ReadConsistency(proofJson, nameof(proofJson));
        if (older.Size == 0)
        {
            return proof.Length == 0;
        }

        return TreeProofs.CheckTree(proof, newer.Size, newer.Root, older.Size, older.Root);
    }

    /// <inheritdoc />
    /// <remarks>After retention pruned events, the chain starts at the first remaining event and the retention anchor checkpoint must open with this log's key and hold every pruned event.</remarks>
    public async Task<AuditChainVerification> VerifyAsync(string? checkpoint = null, CancellationToken cancellationToken = default)
    {
        (long, byte[])? anchor = null;
        if (checkpoint is not null)
        {
            var opened = Checkpoint.Open(checkpoint, origin, key, nameof(checkpoint));
            anchor = (opened.Size, opened.Root);
        }

        (long, byte[])? kept = null;
        if (await trail.GetRetentionAnchorAsync(cancellationToken).ConfigureAwait(false) is { } pruned)
        {
            string? problem = null;
            try
            {
                var opened = Checkpoint.Open(pruned.Checkpoint, origin, key, nameof(checkpoint));
                kept = (opened.Size, opened.Root);
                if (opened.Size < pruned.Cut)
                {
                    problem = string.Create(CultureInfo.InvariantCulture, $"it signs a tree of {opened.Size} events, fewer than the {pruned.Cut} pruned.");
                }
            }
            catch (ArgumentException e)
            {
                problem = e.Message;
            }

            if (problem is not null)
            {
                return new AuditChainVerification
                {
                    EventsChecked = 0,
                    PrunedEvents = pruned.Cut,
                    Failure = AuditChainFailure.TreeMismatch,
                    Message = string.Create(CultureInfo.InvariantCulture, $"the retention anchor kept when events 1 to {pruned.Cut} were pruned cannot vouch for them: {problem}"),
                };
            }
        }

        return await trail.VerifyAsync(anchor, kept, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<long> ErasePersonalDataAsync(string userId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        return PersonalDataEraser.EraseAsync(trail, trail.Store, tree, trail.UserIdIsPersonal, userId, cancellationToken);
    }

    private static void WriteProof(Utf8JsonWriter writer, byte[][] proof)
    {
        writer.WriteStartArray("proof");
        foreach (var hash in proof)
        {
            writer.WriteBase64StringValue(hash);
        }

        writer.WriteEndArray();
    }

    private static string Json(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    private async Task<byte[]> RootAsync(long size, CancellationToken cancellationToken) =>
        TreeProofs.TreeHash(size, await tree.ReadHashesAsync(TreeProofs.TreeHashIndexes(size), cancellationToken).ConfigureAwait(false));

    /// <summary>Opens a checkpoint this log signed and checks that the store still holds the history it signed.</summary>
    private async Task<Checkpoint> OpenOwnAsync(string checkpoint, string paramName, CancellationToken cancellationToken)
    {
        var opened = Checkpoint.Open(checkpoint, origin, key, paramName);
        var size = await tree.GetTreeSizeAsync(cancellationToken).ConfigureAwait(false);
        if (opened.Size > size)
        {
            throw new ArgumentException($"The checkpoint signed {opened.Size} events but the log has {size}: events it signed were removed (run VerifyAsync with this checkpoint).", paramName);
        }

        if (!(await RootAsync(opened.Size, cancellationToken).ConfigureAwait(false)).AsSpan().SequenceEqual(opened.Root))
        {
            throw new ArgumentException($"The log's first {opened.Size} events do not have the checkpoint's root hash: history it signed was rewritten (run VerifyAsync with this checkpoint).", paramName);
        }

        return opened;
    }

    private async Task<AuditLeaf> FirstLeafAsync(long sequence, CancellationToken cancellationToken)
    {
        await foreach (var leaf in tree.ReadLeavesAsync(sequence, cancellationToken).ConfigureAwait(false))
        {
            if (leaf.Sequence == sequence)
            {
                return leaf;
            }

            break;
        }

        throw new InvalidOperationException($"The leaf of sequence {sequence} is not stored although the checkpoint's tree holds it: the store was changed (run VerifyAsync).");
    }
}
