namespace ExportKit.Audit;

/// <summary>
/// One event waiting in <see cref="AuditAppender"/>'s queue, and the task its recorder awaits. The task completes only
/// when the batch holding the event is durable (or failed); continuations never run on the writer loop.
/// </summary>
internal sealed class PendingAppend
{
    private readonly TaskCompletionSource<AuditEvent> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration registration;

    public PendingAppend(AuditEvent unsealed) => Unsealed = unsealed;

    /// <summary>The validated, diffed event, with no sequence, timestamp or hash yet.</summary>
    public AuditEvent Unsealed { get; }

    /// <summary>Queued (cancellable), taken into a batch (no longer cancellable), or cancelled. Changed under the appender's lock.</summary>
    public PendingState State { get; set; }

    public Task<AuditEvent> Task => completion.Task;

    /// <summary>Cancels the append through <paramref name="onCancel"/> if the token fires while the event is still queued.</summary>
    public void Register(Action<PendingAppend, CancellationToken> onCancel, CancellationToken cancellationToken)
    {
        if (cancellationToken.CanBeCanceled)
        {
            registration = cancellationToken.UnsafeRegister(
                static (state, token) => { var (pending, cancel) = ((PendingAppend, Action<PendingAppend, CancellationToken>))state!; cancel(pending, token); },
                (this, onCancel));
        }
    }

    public void Complete(AuditEvent sealedEvent)
    {
        registration.Dispose();
        completion.TrySetResult(sealedEvent);
    }

    public void Fail(Exception exception)
    {
        registration.Dispose();
        completion.TrySetException(exception);
    }

    public void Cancel(CancellationToken cancellationToken) => completion.TrySetCanceled(cancellationToken);
}
