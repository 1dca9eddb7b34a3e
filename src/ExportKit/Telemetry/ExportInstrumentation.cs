using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ExportKit.Telemetry;

/// <summary>The one <see cref="ActivitySource"/> and one <see cref="Meter"/> of ExportKit, and their instruments.</summary>
internal static class ExportInstrumentation
{
    public const string CategoryTag = "exportkit.category";
    public const string FormatTag = "exportkit.format";
    public const string TenantTag = "exportkit.tenant";
    public const string OutcomeTag = "exportkit.outcome";
    public const string ErrorTypeTag = "error.type";
    public const string JobKindTag = "exportkit.job.kind";
    public const string JobOutcomeTag = "exportkit.job.outcome";

    private static readonly string Version = typeof(ExportInstrumentation).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource ActivitySource = new(ExportKitTelemetry.ActivitySourceName, Version);

    public static readonly Meter Meter = new(ExportKitTelemetry.MeterName, Version);

    public static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("exportkit.export.duration", "s", "How long an export attempt took, whatever its outcome.");

    public static readonly Counter<long> Exports = Meter.CreateCounter<long>("exportkit.exports", "{export}", "Exports written.");

    public static readonly Counter<long> Denials = Meter.CreateCounter<long>("exportkit.export.denials", "{export}", "Exports denied by policy.");

    public static readonly Counter<long> Failures = Meter.CreateCounter<long>("exportkit.export.failures", "{export}", "Exports that failed, by error code (error.type).");

    public static readonly Counter<long> Items = Meter.CreateCounter<long>("exportkit.export.items", "{item}", "Items in written exports.");

    public static readonly Counter<long> Bytes = Meter.CreateCounter<long>("exportkit.export.bytes", "By", "Bytes of written exports.");

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("exportkit.job.duration", "s", "How long a worker ran a claimed export job, whatever became of it.");

    public static readonly Counter<long> Jobs = Meter.CreateCounter<long>("exportkit.jobs", "{job}", "Claimed export jobs a worker ran, by kind and outcome (exportkit.job.outcome).");
}
