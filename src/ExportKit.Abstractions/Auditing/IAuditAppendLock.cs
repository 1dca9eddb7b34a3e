namespace ExportKit;

/// <summary>
/// An audit tree store whose append lock — the one every append to it takes, in any process — can be held while the
/// trail reads the chain's head and appends on it. Writers in several processes then take turns instead of racing:
/// a trail that finds its head stale appends under the lock and cannot lose the sequence again. Without it a trail
/// reseals and retries, which under steady appends from other processes can starve.
/// </summary>
/// <remarks>Implemented by the SQLite and PostgreSQL stores beside <see cref="IAuditTreeStore"/>.</remarks>
public interface IAuditAppendLock
{
    /// <summary>
    /// Takes the store's append lock, runs <paramref name="append"/> with a session that reads and appends under it,
    /// and releases the lock: what the session appended is committed when <paramref name="append"/> returns, and rolled
    /// back when it throws.
    /// </summary>
    /// <param name="append">
    /// Reads the head through the session, seals events on it and appends them through the session; returns how many it
    /// appended. The session is valid only until it returns. Use only the session inside it: the store's own appends
    /// wait for the lock the session holds.
    /// </param>
    /// <param name="cancellationToken">Cancels waiting for the lock and the session's work.</param>
    /// <returns>What <paramref name="append"/> returned.</returns>
    ValueTask<int> AppendUnderLockAsync(Func<IAuditAppendSession, CancellationToken, ValueTask<int>> append, CancellationToken cancellationToken = default);
}
