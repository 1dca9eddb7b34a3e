namespace ExportKit;

/// <summary>
/// The names under which ExportKit reports traces and metrics, for a host's OpenTelemetry set-up:
/// <c>.WithTracing(t =&gt; t.AddSource(ExportKitTelemetry.ActivitySourceName))</c> and
/// <c>.WithMetrics(m =&gt; m.AddMeter(ExportKitTelemetry.MeterName))</c>. Logs go to the host's
/// <c>ILoggerFactory</c> under the category <c>ExportKit.Engine.ExportEngine</c>.
/// </summary>
/// <remarks>
/// <para>Each export is one span, <c>export {category}</c>, with the attributes <c>exportkit.category</c>,
/// <c>exportkit.format</c>, <c>exportkit.tenant</c>, <c>exportkit.outcome</c> (<c>written</c>, <c>denied</c> or
/// <c>failed</c>), and on failure <c>error.type</c> (the <see cref="ExportErrorCodes">error code</see>) with the span's
/// status set to error; its events are <c>policy.decided</c>, <c>bundle.assembled</c> and <c>export.written</c>.</para>
/// <para>Metrics: <c>exportkit.export.duration</c> (histogram, seconds, every attempt), <c>exportkit.exports</c>
/// (written exports), <c>exportkit.export.denials</c>, <c>exportkit.export.failures</c> (with <c>error.type</c>),
/// <c>exportkit.export.items</c> and <c>exportkit.export.bytes</c> (of written exports); each carries
/// <c>exportkit.category</c> and <c>exportkit.format</c>. Tenant ids are on spans only, never on metrics, whose
/// attributes must stay few.</para>
/// <para>Export jobs: a worker's run of a claimed job is one span, <c>export-job {kind}</c> (<c>audit-csv</c> or
/// <c>bundle</c>; a bundle's export span nests under it), with <c>exportkit.job.kind</c>, <c>exportkit.job.id</c>,
/// <c>exportkit.job.attempt</c>, <c>exportkit.tenant</c> and <c>exportkit.job.outcome</c> (<c>success</c>,
/// <c>failed</c>, <c>cancelled</c>, <c>retried</c>, <c>handed-back</c> or <c>lease-lost</c>); metrics
/// <c>exportkit.jobs</c> and <c>exportkit.job.duration</c> (seconds) carry the kind and the outcome.</para>
/// </remarks>
public static class ExportKitTelemetry
{
    /// <summary>The name of ExportKit's <see cref="System.Diagnostics.ActivitySource"/>.</summary>
    public const string ActivitySourceName = "ExportKit";

    /// <summary>The name of ExportKit's <see cref="System.Diagnostics.Metrics.Meter"/>.</summary>
    public const string MeterName = "ExportKit";
}
