namespace ExportKit.Audit.Tests.Trail;

/// <summary>
/// An in-memory store whose batch appends wait at a gate the test opens, so that recorders queue behind a commit in
/// progress, and which can be told to fail one batch; it remembers the size of every batch.
/// </summary>
internal sealed class HeldBatchStore : IAuditEventStore
{
    private readonly InMemoryAuditEventStore inner = new();
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HeldBatchStore(bool held) => Held = held;

    public bool Held { get; set; }

    /// <summary>Fails the batch with this (1-based) number with <see cref="Failure"/>.</summary>
    public int FailBatch { get; set; }

    public Exception Failure { get; } = new IOException("disk full");

    public List<int> Batches { get; } = [];

    /// <summary>Reports one event more than it appended, as a broken store might.</summary>
    public bool Overcounts { get; set; }

    public void Release()
    {
        Held = false;
        gate.TrySetResult();
    }

    public async ValueTask<int> TryAppendBatchAsync(IReadOnlyList<AuditEvent> auditEvents, CancellationToken cancellationToken = default)
    {
        int number;
        lock (Batches)
        {
            Batches.Add(auditEvents.Count);
            number = Batches.Count;
        }

        if (Held)
        {
            await gate.Task;
        }
        else
        {
            await Task.Yield();
        }

        if (number == FailBatch)
        {
            throw Failure;
        }

        // All or none, as a transactional store does: check the first sequence, then append them all.
        var appended = await ((IAuditEventStore)inner).TryAppendBatchAsync(auditEvents, cancellationToken);
        return Overcounts ? appended + 1 : appended;
    }

    public ValueTask<bool> TryAppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default) => inner.TryAppendAsync(auditEvent, cancellationToken);

    public ValueTask<AuditEvent?> GetLastAsync(CancellationToken cancellationToken = default) => inner.GetLastAsync(cancellationToken);

    public IAsyncEnumerable<AuditEvent> QueryAsync(AuditQuery query, long offset, long limit, CancellationToken cancellationToken = default) =>
        inner.QueryAsync(query, offset, limit, cancellationToken);

    public IAsyncEnumerable<AuditChainRow> ReadChainAsync(CancellationToken cancellationToken = default) => inner.ReadChainAsync(cancellationToken);

    public ValueTask<AuditEvent?> FindAsync(string tenantId, string id, CancellationToken cancellationToken = default) => inner.FindAsync(tenantId, id, cancellationToken);
}
