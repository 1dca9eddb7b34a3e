using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ExportKit.Tests.Telemetry;

/// <summary>
/// Listens to ExportKit's spans of one tenant and to its instruments, as a host's OpenTelemetry SDK would; the
/// telemetry tests share it. Metrics carry no tenant, so the classes that use it run in one collection, one at a time.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ConcurrentBag<Activity> activities = [];
    private readonly ConcurrentBag<Measurement> measurements = [];
    private readonly ActivityListener activityListener;
    private readonly MeterListener meterListener = new();

    public TelemetryCapture(string tenant, string instrumentPrefix = "exportkit.")
    {
        activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ExportKitTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (Equals(activity.GetTagItem("exportkit.tenant"), tenant))
                {
                    activities.Add(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);
        meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ExportKitTelemetry.MeterName && instrument.Name.StartsWith(instrumentPrefix, StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        meterListener.Start();
    }

    /// <summary>The tenant's finished spans.</summary>
    public IReadOnlyCollection<Activity> Activities => activities;

    /// <summary>Every measurement taken while listening.</summary>
    public IReadOnlyCollection<Measurement> Measurements => measurements;

    public void Dispose()
    {
        activityListener.Dispose();
        meterListener.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        measurements.Add(new Measurement(instrument.Name, value, copy));
    }

    internal sealed record Measurement(string Instrument, double Value, Dictionary<string, object?> Tags);
}
