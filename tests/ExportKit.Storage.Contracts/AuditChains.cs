namespace ExportKit.Storage.Contracts;

/// <summary>Reads a store's chain as events, for tests whose rows are all well-formed.</summary>
public static class AuditChains
{
    /// <summary>Reads the chain and asserts that no row is malformed.</summary>
    public static async IAsyncEnumerable<AuditEvent> ReadEventsAsync(this IAuditEventStore store)
    {
        await foreach (var row in store.ReadChainAsync())
        {
            Assert.False(row.IsMalformed, $"row {row.Sequence} is malformed: {row.Column}: {row.Reason}");
            yield return row.Event;
        }
    }
}
