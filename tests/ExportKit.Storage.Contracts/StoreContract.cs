namespace ExportKit.Storage.Contracts;

/// <summary>
/// The base of every contract: keeps the stores a test creates and disposes of them after it, so a store that holds a
/// connection or a file (<see cref="IDisposable"/> or <see cref="IAsyncDisposable"/>) is cleaned up.
/// </summary>
/// <typeparam name="TStore">The store interface under test.</typeparam>
public abstract class StoreContract<TStore> : IAsyncLifetime
    where TStore : class
{
    private readonly List<TStore> created = [];

    /// <summary>Creates a new, empty store. Called once or more per test.</summary>
    protected abstract TStore CreateStore();

    /// <summary>Creates a new, empty store and remembers it for disposal.</summary>
    protected TStore NewStore()
    {
        var store = CreateStore();
        created.Add(store);
        return store;
    }

    /// <summary>Remembers a store the test opened by other means (another one on the same database), for disposal.</summary>
    protected TStore Track(TStore store)
    {
        created.Add(store);
        return store;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in created)
        {
            switch (store)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
