using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using ExportKit.Audit;

namespace ExportKit.Benchmarks;

/// <summary>
/// The transparency log at 1,000,000 events: signing a checkpoint, an inclusion proof, a consistency proof (from
/// 500,000), and checking a proof, over a tree held in memory (built once in the setup from random leaves with the
/// stores' own layout and math, so the figures are the log's work, not a store's reads). Baseline: one SHA-256 of a
/// leaf, the unit every operation is made of.
/// </summary>
[MemoryDiagnoser]
public class TransparencyBenchmarks
{
    private const long Size = 1_000_000;

    private readonly byte[] someLeaf = RandomNumberGenerator.GetBytes(300);
    private AuditTransparencyLog log = null!;
    private string checkpoint = null!;
    private string older = null!;
    private string proof = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        var store = new MillionLeafStore(Size);
        var trail = new AuditTrail(store, TimeProvider.System, new BenchmarkIds(), new AuditOptions());
        log = new AuditTransparencyLog(trail, new AuditTransparencyOptions { SigningKey = AuditTransparencyOptions.GenerateSigningKey("bench/audit") });
        checkpoint = await log.CreateCheckpointAsync();
        store.Size = Size / 2;
        older = await log.CreateCheckpointAsync();
        store.Size = Size;
        proof = await log.ProveInclusionAsync(777_777, checkpoint);
    }

    [Benchmark(Baseline = true)]
    public byte[] LeafHash() => MerkleHashing.RecordHash(someLeaf);

    [Benchmark]
    public Task<string> Checkpoint() => log.CreateCheckpointAsync();

    [Benchmark]
    public Task<string> InclusionProof() => log.ProveInclusionAsync(777_777, checkpoint);

    [Benchmark]
    public Task<string> ConsistencyProof() => log.ProveConsistencyAsync(older, checkpoint);

    [Benchmark]
    public bool CheckInclusionProof() => log.CheckInclusionProof(checkpoint, proof);

    /// <summary>A tree store of random leaves, complete up to <see cref="Size"/>, kept as arrays of stored hashes.</summary>
    private sealed class MillionLeafStore : IAuditEventStore, IAuditTreeStore
    {
        private readonly byte[][] hashes;

        public MillionLeafStore(long size)
        {
            hashes = new byte[StoredHashes.Count(size)][];
            var edge = new List<byte[]>();
            for (long n = 0; n < size; n++)
            {
                var m = System.Numerics.BitOperations.TrailingZeroCount((ulong)(n + 1));
                var added = StoredHashes.ForRecord(n, MerkleHashing.RecordHash(BitConverter.GetBytes(n)), edge.GetRange(edge.Count - m, m));
                edge.RemoveRange(edge.Count - m, m);
                edge.Add(added[^1]);
                added.CopyTo(hashes, StoredHashes.Index(0, n));
            }

            Size = size;
        }

        public long Size { get; set; }

        public ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<AuditEvent?>(new AuditEvent
        {
            Id = "aud_last", Sequence = Size, Timestamp = DateTimeOffset.UnixEpoch, EventType = "bench.event", Severity = AuditSeverity.Info,
            ActorType = AuditActorType.System, TenantId = "bench", PreviousHash = new string('0', 64), Hash = new string('0', 64),
        });

        public ValueTask<long> GetTreeSizeAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(Size);

        public ValueTask<IReadOnlyList<byte[]>> ReadHashesAsync(IReadOnlyList<long> indexes, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult<IReadOnlyList<byte[]>>([.. indexes.Select(i => hashes[i])]);

        public async IAsyncEnumerable<AuditLeaf> ReadLeavesAsync(long fromSequence, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield return new AuditLeaf { Sequence = fromSequence, Data = BitConverter.GetBytes(fromSequence - 1) };
        }

        public ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<int> TryAppendWithLeavesAsync(IReadOnlyList<AuditEvent> auditEvents, IReadOnlyList<AuditLeaf> leaves, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<bool> TryAddLeafAsync(AuditLeaf leaf, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask EraseAsync(AuditEvent redacted, IReadOnlyList<string> fields, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<AuditEvent> QueryAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<AuditChainRow> ReadChainAsync(CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public ValueTask<AuditEvent?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
