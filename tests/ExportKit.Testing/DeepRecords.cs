using System.Runtime.CompilerServices;

namespace ExportKit.Testing;

/// <summary>
/// A host phase whose records carry one field nested as deep as asked, a category over it, and a source that returns
/// its records synchronously (so an export of them runs entirely on the caller's thread, and stack).
/// </summary>
public static class DeepRecords
{
    /// <summary>The host phase.</summary>
    public static readonly ExportPhase Phase = new(70, "deep-data", "Deep Data Engine", "deep-item");

    /// <summary>The host category that exports the phase.</summary>
    public static readonly ExportCategory Category = new("deep-report");

    /// <summary>Builds a value nested <paramref name="depth"/> objects deep, without recursion.</summary>
    public static IReadOnlyList<ExportField> Nested(int depth)
    {
        IReadOnlyList<ExportField> value = [new("leaf", "bottom")];
        for (var i = 1; i < depth; i++)
        {
            value = [new("level", value)];
        }

        return value;
    }

    /// <summary>A record of tenant <c>acme</c> at <see cref="TestRecords.Base"/> whose field <c>payload</c> nests <paramref name="depth"/> objects deep.</summary>
    public static PhaseRecord Record(string id, int depth) => new DeepRecord(id, Nested(depth)) { TenantId = "acme" };

    /// <summary>A source returning the given records synchronously.</summary>
    public static IPhaseDataSource Source(params PhaseRecord[] records) => new SyncSource(records);

    private sealed class DeepRecord(string id, IReadOnlyList<ExportField> payload) : PhaseRecord
    {
        private string Id { get; } = id;

        private IReadOnlyList<ExportField> Payload { get; } = payload;

        public override ExportPhase Phase => DeepRecords.Phase;

        public override string RecordId => Id;

        public override DateTimeOffset Timestamp => TestRecords.Base;

        protected override void AddFields(IList<ExportField> fields)
        {
            fields.Add(new("id", Id));
            fields.Add(new("payload", Payload));
        }
    }

    private sealed class SyncSource(PhaseRecord[] records) : IPhaseDataSource
    {
        public ExportPhase Phase => DeepRecords.Phase;

#pragma warning disable CS1998 // Synchronous on purpose: the export must stay on the caller's thread.
        public async IAsyncEnumerable<PhaseRecord> ReadAsync(PhaseReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
#pragma warning restore CS1998
        {
            foreach (var record in records)
            {
                yield return record;
            }
        }
    }
}
