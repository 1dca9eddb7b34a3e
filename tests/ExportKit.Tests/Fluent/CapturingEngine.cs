namespace ExportKit.Tests.Fluent;

/// <summary>An engine that runs nothing: it keeps what it was asked to export and answers with a fixed result.</summary>
internal sealed class CapturingEngine : IExportEngine
{
    public static readonly ExportResult Result = ExportResult.Failure("qry_0001", null, null, "not-run", "The capturing engine runs nothing.");

    public ExportQuery? Query { get; private set; }

    public ExportPrincipal? Principal { get; private set; }

    public Stream? Destination { get; private set; }

    public CancellationToken CancellationToken { get; private set; }

    public int Calls { get; private set; }

    public Task<ExportResult> ExportAsync(ExportQuery query, ExportPrincipal? principal, Stream destination, CancellationToken cancellationToken = default)
    {
        Calls++;
        (Query, Principal, Destination, CancellationToken) = (query, principal, destination, cancellationToken);
        return Task.FromResult(Result);
    }

    public Task RecordDownloadAsync(ExportDownload download, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The fluent request never records downloads.");
}
