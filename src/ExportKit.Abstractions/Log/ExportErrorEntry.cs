using System.Text.Json.Serialization;

namespace ExportKit;

/// <summary>An export failed, or was refused before policy (<c>error</c>).</summary>
public sealed record ExportErrorEntry : ExportLogEntry
{
    /// <summary>Gets the query's id.</summary>
    public required string QueryId { get; init; }

    /// <summary>Gets the error code (see <see cref="ExportErrorCodes"/>).</summary>
    public required string ErrorCode { get; init; }

    /// <summary>Gets what went wrong.</summary>
    public required string Message { get; init; }

    /// <summary>Gets further detail (for example the exception type), or <see langword="null"/>.</summary>
    public string? Details { get; init; }

    /// <summary>Gets who asked (<c>anonymous</c> when there was no principal).</summary>
    public required string RequestedBy { get; init; }

    /// <inheritdoc />
    [JsonIgnore]
    public override string EntryType => ExportLogEntryTypes.Error;

    /// <inheritdoc />
    [JsonIgnore]
    public override string UserId => RequestedBy;
}
