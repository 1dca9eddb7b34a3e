namespace ExportKit.Tests.Jobs;

/// <summary>An audit trail whose CSV export can be held open (to act on a job while it runs) or made to throw.</summary>
internal sealed class GatedTrail(IAuditTrail inner) : IAuditTrail
{
    public bool Hold { get; set; }

    public Func<Exception>? Fail { get; set; }

    public TaskCompletionSource Started { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Release { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task ExportCsvAsync(AuditQuery query, ExportPrincipal principal, Stream destination, CancellationToken cancellationToken = default)
    {
        if (Fail is not null)
        {
            throw Fail();
        }

        await inner.ExportCsvAsync(query, principal, destination, cancellationToken);
        if (Hold)
        {
            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
        }
    }

    public void Reset()
    {
        Started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public Task<AuditEvent?> RecordAsync(AuditEventDraft draft, CancellationToken cancellationToken = default) => inner.RecordAsync(draft, cancellationToken);

    public Task<IReadOnlyList<AuditEvent>> QueryAsync(AuditQuery query, ExportPrincipal principal, CancellationToken cancellationToken = default) => inner.QueryAsync(query, principal, cancellationToken);

    public Task<AuditEvent?> GetAsync(string id, ExportPrincipal principal, CancellationToken cancellationToken = default) => inner.GetAsync(id, principal, cancellationToken);

    public Task<IReadOnlyDictionary<AuditSeverity, long>> CountBySeverityAsync(AuditQuery query, ExportPrincipal principal, CancellationToken cancellationToken = default) => inner.CountBySeverityAsync(query, principal, cancellationToken);

    public Task<AuditChainVerification> VerifyAsync(CancellationToken cancellationToken = default) => inner.VerifyAsync(cancellationToken);
}
