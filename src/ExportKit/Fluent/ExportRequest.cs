namespace ExportKit;

/// <summary>
/// A fluent description of one export: <c>engine.Export(category).As(format).ForTenant(t).Between(a, b).By(principal)</c>,
/// then <see cref="WriteToAsync"/> or <see cref="WriteToDirectoryAsync"/>. Each step returns a new request, so a partly
/// built request can be reused.
/// </summary>
public sealed class ExportRequest
{
    private readonly IExportEngine engine;

    internal ExportRequest(IExportEngine engine, ExportCategory category)
    {
        this.engine = engine;
        Category = category;
    }

    private ExportRequest(ExportRequest other)
    {
        engine = other.engine;
        Category = other.Category;
        Format = other.Format;
        Scope = other.Scope;
        TimeRange = other.TimeRange;
        Principal = other.Principal;
        RunId = other.RunId;
        QueryId = other.QueryId;
        Request = other.Request;
    }

    /// <summary>Gets the category.</summary>
    public ExportCategory Category { get; }

    /// <summary>Gets the format; JSON unless <see cref="As"/> says otherwise.</summary>
    public ExportFormat Format { get; private init; } = ExportFormat.Json;

    /// <summary>Gets the scope, once <see cref="ForTenant"/> is called.</summary>
    public ExportScope? Scope { get; private init; }

    /// <summary>Gets the time range, or <see langword="null"/> for the engine's default.</summary>
    public ExportTimeRange? TimeRange { get; private init; }

    /// <summary>Gets who asks, once <see cref="By"/> is called.</summary>
    public ExportPrincipal? Principal { get; private init; }

    /// <summary>Gets the run the export is made from, once <see cref="WithRunId"/> is called.</summary>
    public string? RunId { get; private init; }

    /// <summary>Gets the query id, once <see cref="WithQueryId"/> is called; otherwise the engine assigns one.</summary>
    public string? QueryId { get; private init; }

    /// <summary>Gets where the call came from, once <see cref="WithRequest"/> is called (recorded in the export's audit event, never in its bytes).</summary>
    public RequestMetadata? Request { get; private init; }

    /// <summary>Sets the format.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The request with the format.</returns>
    public ExportRequest As(ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return new(this) { Format = format };
    }

    /// <summary>Sets whose data is exported.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="facilityId">One facility of the tenant, or <see langword="null"/> for all.</param>
    /// <returns>The request with the scope.</returns>
    /// <exception cref="ArgumentException">An id is blank or holds a control character.</exception>
    public ExportRequest ForTenant(string tenantId, string? facilityId = null) =>
        new(this) { Scope = new ExportScope(tenantId, facilityId, Scope?.FederationId) };

    /// <summary>Sets the federation the export is made for. Call after <see cref="ForTenant"/>.</summary>
    /// <param name="federationId">The federation.</param>
    /// <returns>The request with the federation.</returns>
    /// <exception cref="InvalidOperationException"><see cref="ForTenant"/> has not been called.</exception>
    public ExportRequest InFederation(string federationId)
    {
        var scope = Scope ?? throw new InvalidOperationException("Call ForTenant(...) before InFederation(...): a federation export still names the tenant whose data it holds.");
        return new(this) { Scope = new ExportScope(scope.TenantId, scope.FacilityId, federationId) };
    }

    /// <summary>Sets the time range <c>[start, end)</c>.</summary>
    /// <param name="start">The first instant included.</param>
    /// <param name="end">The first instant excluded.</param>
    /// <returns>The request with the range.</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not after <paramref name="start"/>.</exception>
    public ExportRequest Between(DateTimeOffset start, DateTimeOffset end) => new(this) { TimeRange = new ExportTimeRange(start, end) };

    /// <summary>Sets who asks; the export is recorded as requested by the principal's user.</summary>
    /// <param name="principal">The principal.</param>
    /// <returns>The request with the principal.</returns>
    public ExportRequest By(ExportPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return new(this) { Principal = principal };
    }

    /// <summary>Sets the run (an analysis run, say) the export is made from; the export registry records it (<see cref="ExportQuery.RunId"/>).</summary>
    /// <param name="runId">The run's id.</param>
    /// <returns>The request with the run id.</returns>
    /// <exception cref="ArgumentException"><paramref name="runId"/> is blank or holds a control character.</exception>
    public ExportRequest WithRunId(string runId) =>
        new(this) { RunId = CheckId(runId, nameof(runId), "pass the id of the run the export is made from, or leave WithRunId out") };

    /// <summary>Sets the id that ties the policy decision and any error to this export (<see cref="ExportQuery.QueryId"/>); the engine assigns one otherwise.</summary>
    /// <param name="queryId">The query id, for example the host's request id.</param>
    /// <returns>The request with the query id.</returns>
    /// <exception cref="ArgumentException"><paramref name="queryId"/> is blank or holds a control character.</exception>
    public ExportRequest WithQueryId(string queryId) =>
        new(this) { QueryId = CheckId(queryId, nameof(queryId), "pass a one-line id, or leave WithQueryId out to let the engine assign one") };

    /// <summary>
    /// Sets where the call came from — client address, user agent, request id — so that the export's
    /// <c>export.{format}.generated</c> audit event records it (<see cref="ExportQuery.Request"/>). Read it with the
    /// registered <c>RequestMetadataReader</c>, which believes X-Forwarded-For only from trusted proxies.
    /// </summary>
    /// <param name="request">The request metadata.</param>
    /// <returns>The request with its metadata.</returns>
    public ExportRequest WithRequest(RequestMetadata request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(this) { Request = request };
    }

    /// <summary>Makes the query this request describes.</summary>
    /// <returns>The query.</returns>
    /// <exception cref="InvalidOperationException">The tenant or the principal has not been set.</exception>
    public ExportQuery ToQuery()
    {
        var scope = Scope ?? throw new InvalidOperationException("The export has no tenant: call ForTenant(tenantId) before writing it.");
        var principal = Principal ?? throw new InvalidOperationException("The export has no principal: call By(principal) before writing it; exports are always made on someone's behalf.");
        return new ExportQuery(Category, Format, scope, principal.UserId) { TimeRange = TimeRange, RunId = RunId, QueryId = QueryId, Request = Request };
    }

    /// <summary>Runs the export and writes it to a stream.</summary>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The outcome.</returns>
    public Task<ExportResult> WriteToAsync(Stream destination, CancellationToken cancellationToken = default) =>
        engine.ExportAsync(ToQuery(), Principal, destination, cancellationToken);

    /// <summary>
    /// Runs the export into a file of <paramref name="directory"/>, named <see cref="ExportResult.FileName"/>, through a
    /// hidden partial file that is renamed only when the export succeeded
    /// (<see cref="ExportEngineFileExtensions.ExportToDirectoryAsync"/>).
    /// </summary>
    /// <param name="directory">The directory; created when missing.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The outcome; when it succeeded the file is <c>Path.Combine(directory, result.FileName)</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="directory"/> is blank.</exception>
    public Task<ExportResult> WriteToDirectoryAsync(string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (string.IsNullOrWhiteSpace(directory))
        {
            throw new ArgumentException("The directory is blank: pass the path of the directory to write the export to (it is created when missing).", nameof(directory));
        }

        return engine.ExportToDirectoryAsync(ToQuery(), Principal, directory, cancellationToken);
    }

    private static string CheckId(string id, string parameterName, string fix)
    {
        ArgumentNullException.ThrowIfNull(id, parameterName);
        if (string.IsNullOrWhiteSpace(id) || id.Any(char.IsControl))
        {
            throw new ArgumentException($"The {parameterName} '{id}' is blank or holds a control character: {fix}.", parameterName);
        }

        return id;
    }
}
