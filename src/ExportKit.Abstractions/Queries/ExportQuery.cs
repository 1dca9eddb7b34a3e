namespace ExportKit;

/// <summary>What to export: a category, in a format, for a scope and time range, on whose request.</summary>
public sealed record ExportQuery
{
    /// <summary>Creates a query.</summary>
    /// <param name="category">What the export contains.</param>
    /// <param name="format">How it is written.</param>
    /// <param name="scope">Whose data it covers.</param>
    /// <param name="requestedBy">The user id of whoever asked for it; recorded in the bundle's metadata.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="requestedBy"/> is blank or holds a control character (such as a trailing newline).</exception>
    public ExportQuery(ExportCategory category, ExportFormat format, ExportScope scope, string requestedBy)
    {
        ArgumentNullException.ThrowIfNull(category);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(scope);
        Category = category;
        Format = format;
        Scope = scope;
        RequestedBy = IdText.Check(requestedBy, nameof(requestedBy), "An export query needs the user id of whoever requested it.");
    }

    /// <summary>Gets an id that ties the policy decision and any error to this query; the engine assigns one when <see langword="null"/>.</summary>
    public string? QueryId
    {
        get;
        init => field = IdText.CheckOptional(value, nameof(QueryId), "The query id is blank: pass null to let the engine assign one.");
    }

    /// <summary>Gets what the export contains.</summary>
    public ExportCategory Category { get; }

    /// <summary>Gets how the export is written.</summary>
    public ExportFormat Format { get; }

    /// <summary>Gets whose data the export covers.</summary>
    public ExportScope Scope { get; }

    /// <summary>Gets the time range, or <see langword="null"/> for the default (the 30 days before the clock's now).</summary>
    public ExportTimeRange? TimeRange { get; init; }

    /// <summary>Gets the id of the run (for example an analysis run) the export is made from, recorded in the export registry; or <see langword="null"/>.</summary>
    public string? RunId
    {
        get;
        init => field = IdText.CheckOptional(value, nameof(RunId), "The run id is blank: pass null when the export is not made from a run.");
    }

    /// <summary>Gets the user id of whoever requested the export.</summary>
    public string RequestedBy { get; }

    /// <summary>
    /// Gets where the request for the export came from (read with <c>RequestMetadataReader</c>), recorded in the
    /// export's <c>export.{format}.generated</c> audit event; or <see langword="null"/>. It never enters the bundle id
    /// or the exported bytes: the same export asked from two addresses is the same bundle.
    /// </summary>
    public RequestMetadata? Request { get; init; }
}
