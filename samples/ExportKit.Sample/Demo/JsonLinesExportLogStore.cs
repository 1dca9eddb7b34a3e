using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ExportKit.Sample.Demo;

/// <summary>
/// The sample's export log: one JSON document per line in a file, so that statistics and history survive a restart.
/// (A durable store for production arrives with ExportKit.Storage.Sqlite.)
/// </summary>
internal sealed class JsonLinesExportLogStore(string path) : IExportLogStore, IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SemaphoreSlim gate = new(1, 1);

    public async ValueTask AppendAsync(ExportLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = JsonSerializer.Serialize(entry, Json) + "\n";
        await gate.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllTextAsync(path, line, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    public async IAsyncEnumerable<ExportLogEntry> ReadAsync(ExportLogFilter? filter = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        await foreach (var line in File.ReadLinesAsync(path, cancellationToken))
        {
            if (line.Length > 0 && JsonSerializer.Deserialize<ExportLogEntry>(line, Json) is { } entry && (filter is null || filter.Matches(entry)))
            {
                yield return entry;
            }
        }
    }

    public void Dispose() => gate.Dispose();
}
