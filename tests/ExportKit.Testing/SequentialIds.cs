namespace ExportKit.Testing;

/// <summary>Ids <c>prefix_0001</c>, <c>prefix_0002</c>, … per prefix: reproducible exports in tests.</summary>
public sealed class SequentialIds : IExportIdGenerator
{
    private readonly Dictionary<string, int> counters = new(StringComparer.Ordinal);

    public string NewId(string prefix)
    {
        lock (counters)
        {
            counters[prefix] = counters.GetValueOrDefault(prefix) + 1;
            return $"{prefix}_{counters[prefix]:D4}";
        }
    }
}
