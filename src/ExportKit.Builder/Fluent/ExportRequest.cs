namespace ExportKit.Builder;

/// <summary>
/// A fluent description of one export: <c>engine.Export(category).As(format).ForTenant(t).Between(a, b).By(principal)</c>,
/// then <see cref="WriteToAsync"/>. Each step returns a new request, so a partly built request can be reused.
/// </summary>
public sealed record ExportRequest
{
    internal ExportRequest(IExportEngine engine, ExportCategory category)
    {
        Engine = engine;
        Category = category;
    }

    private IExportEngine Engine { get; }

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

    /// <summary>Sets the format.</summary>
    /// <param name="format">The format.</param>
    /// <returns>The request with the format.</returns>
    public ExportRequest As(ExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return this with { Format = format };
    }

    /// <summary>Sets whose data is exported.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="facilityId">One facility of the tenant, or <see langword="null"/> for all.</param>
    /// <returns>The request with the scope.</returns>
    public ExportRequest ForTenant(string tenantId, string? facilityId = null) =>
        this with { Scope = new ExportScope(tenantId, facilityId, Scope?.FederationId) };

    /// <summary>Sets the federation the export is made for. Call after <see cref="ForTenant"/>.</summary>
    /// <param name="federationId">The federation.</param>
    /// <returns>The request with the federation.</returns>
    /// <exception cref="InvalidOperationException"><see cref="ForTenant"/> has not been called.</exception>
    public ExportRequest InFederation(string federationId)
    {
        var scope = Scope ?? throw new InvalidOperationException("Call ForTenant(...) before InFederation(...): a federation export still names the tenant whose data it holds.");
        return this with { Scope = new ExportScope(scope.TenantId, scope.FacilityId, federationId) };
    }

    /// <summary>Sets the time range <c>[start, end)</c>.</summary>
    /// <param name="start">The first instant included.</param>
    /// <param name="end">The first instant excluded.</param>
    /// <returns>The request with the range.</returns>
    public ExportRequest Between(DateTimeOffset start, DateTimeOffset end) => this with { TimeRange = new ExportTimeRange(start, end) };

    /// <summary>Sets who asks; the export is recorded as requested by the principal's user.</summary>
    /// <param name="principal">The principal.</param>
    /// <returns>The request with the principal.</returns>
    public ExportRequest By(ExportPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return this with { Principal = principal };
    }

    /// <summary>Makes the query this request describes.</summary>
    /// <returns>The query.</returns>
    /// <exception cref="InvalidOperationException">The tenant or the principal has not been set.</exception>
    public ExportQuery ToQuery()
    {
        var scope = Scope ?? throw new InvalidOperationException("The export has no tenant: call ForTenant(tenantId) before writing it.");
        var principal = Principal ?? throw new InvalidOperationException("The export has no principal: call By(principal) before writing it; exports are always made on someone's behalf.");
        return new ExportQuery(Category, Format, scope, principal.UserId) { TimeRange = TimeRange };
    }

    /// <summary>Runs the export and writes it to a stream.</summary>
    /// <param name="destination">A writable stream, left open.</param>
    /// <param name="cancellationToken">Cancels the export.</param>
    /// <returns>The outcome.</returns>
    public Task<ExportResult> WriteToAsync(Stream destination, CancellationToken cancellationToken = default) =>
        Engine.ExportAsync(ToQuery(), Principal, destination, cancellationToken);
}
