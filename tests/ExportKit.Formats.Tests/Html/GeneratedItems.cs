using System.Runtime.CompilerServices;
using ExportKit.Formats.Tests.Json;

namespace ExportKit.Formats.Tests.Html;

/// <summary>Items made on the fly, so a test can stream more of them than it could hold, and count how many were read.</summary>
internal sealed class GeneratedItems(int count, Action? onLast = null) : IAsyncEnumerable<ExportItem>
{
    /// <summary>Gets how many items have been read, over all enumerations.</summary>
    public int Read { get; private set; }

    public async IAsyncEnumerator<ExportItem> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var item in Generate(cancellationToken).ConfigureAwait(false))
        {
            Read++;
            yield return item;
        }
    }

    private async IAsyncEnumerable<ExportItem> Generate([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = TestBundles.Range.Start;
        for (var i = 0; i < count; i++)
        {
            if (i % 10_000 == 0)
            {
                await Task.Yield();
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (i == count - 1)
            {
                onLast?.Invoke();
            }

            var id = $"gen-{i:D7}";
            yield return new ExportItem(id, "generated", start.AddSeconds(i), [
                new("generatedId", id),
                new("severity", (i % 4) switch { 0 => "critical", 1 => "high", 2 => "medium", _ => "low" }),
                new("value", i * 0.25),
                new("count", i),
                new("at", start.AddSeconds(i)),
                new("note", "A generated item with a sentence of text to give it some weight."),
                new("tenantId", "acme"),
                new("facilityId", null),
            ]);
        }
    }
}
