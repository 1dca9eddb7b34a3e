namespace ExportKit;

/// <summary>Where an audited request came from.</summary>
public sealed record RequestMetadata
{
    /// <summary>Gets the client's IP address: the connection's, or the first untrusted hop of X-Forwarded-For when the connection came through a trusted proxy.</summary>
    public string? IpAddress { get; init; }

    /// <summary>Gets the X-Forwarded-For header as received, for the record (never believed on its own).</summary>
    public string? ForwardedFor { get; init; }

    /// <summary>Gets the User-Agent header, truncated to the configured length.</summary>
    public string? UserAgent { get; init; }

    /// <summary>Gets the request id (X-Request-ID), when the request had one.</summary>
    public string? RequestId { get; init; }

    /// <summary>Gets the W3C trace id of the <see cref="System.Diagnostics.Activity"/> current when the event was recorded.</summary>
    public string? TraceId { get; init; }
}
