using System.Diagnostics;
using System.Net;

namespace ExportKit.Audit;

/// <summary>
/// Reads where a request came from: the client's IP address, the raw X-Forwarded-For header, the user agent, the
/// request id and the current trace id. X-Forwarded-For is believed only when the connection comes from one of
/// <see cref="AuditOptions.TrustedProxies"/>; from anywhere else it is recorded as received and ignored, so a client
/// cannot choose the address the trail shows.
/// </summary>
/// <remarks>
/// Through trusted proxies, the header is read from the right (the hop nearest to us) and trusted hops are skipped:
/// the client is the first hop that is not a trusted proxy, or the leftmost hop when every hop is trusted. A hop that is
/// not an IP address (<c>unknown</c>, a host name, an empty entry, an address with a port) stops the walk: what lies to
/// its left cannot be believed, so the last address read correctly (the nearest trusted proxy) is taken. An IPv4 hop
/// with a leading zero (<c>010.000.000.001</c>, which a parser may read as octal) is such a hop.
/// Every stored header value is cut to its limit in <see cref="AuditOptions"/>: User-Agent and X-Request-ID keep their
/// start, X-Forwarded-For keeps its end (the hops nearest to the server).
/// </remarks>
public sealed class RequestMetadataReader
{
    private const string ForwardedForHeader = "X-Forwarded-For";
    private const string UserAgentHeader = "User-Agent";
    private const string RequestIdHeader = "X-Request-ID";

    private readonly TrustedProxyList trustedProxies;
    private readonly int userAgentMaxLength;
    private readonly int forwardedForMaxLength;
    private readonly int requestIdMaxLength;

    /// <summary>Creates a reader with the trusted proxies and the header lengths of the options.</summary>
    /// <param name="options">The options; read once, later changes have no effect.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    public RequestMetadataReader(AuditOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid(nameof(options));
        trustedProxies = new TrustedProxyList(options.TrustedProxies);
        userAgentMaxLength = options.UserAgentMaxLength;
        forwardedForMaxLength = options.ForwardedForMaxLength;
        requestIdMaxLength = options.RequestIdMaxLength;
    }

    /// <summary>Reads a request's metadata from headers with one value each, such as a <c>Dictionary&lt;string, string&gt;</c>.</summary>
    /// <param name="remoteAddress">The address of the connection (for example <c>HttpContext.Connection.RemoteIpAddress</c>), or <see langword="null"/> when unknown.</param>
    /// <param name="headers">The request's headers; names are compared case-insensitively, and a header given several times is joined with commas.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="remoteAddress"/> is not an IP address.</exception>
    public RequestMetadata Read(string? remoteAddress, IEnumerable<KeyValuePair<string, string>> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var remote = ParseRemote(remoteAddress);
        return Read(remote, Header(headers, ForwardedForHeader), Header(headers, UserAgentHeader), Header(headers, RequestIdHeader));
    }

    /// <summary>
    /// Reads a request's metadata from headers with several values each: ASP.NET Core's <c>IHeaderDictionary</c>
    /// (whose values are <c>StringValues</c>) passes as it is, and so does a dictionary of <c>string[]</c> or
    /// <c>List&lt;string&gt;</c> values.
    /// </summary>
    /// <typeparam name="TValues">The values of one header, for example <c>StringValues</c> or <c>string[]</c>.</typeparam>
    /// <param name="remoteAddress">The address of the connection (for example <c>HttpContext.Connection.RemoteIpAddress?.ToString()</c>), or <see langword="null"/> when unknown.</param>
    /// <param name="headers">The request's headers; names are compared case-insensitively, and the values of a header (given in one entry or several) are joined with commas, skipping <see langword="null"/> ones.</param>
    /// <returns>The metadata.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="headers"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="remoteAddress"/> is not an IP address.</exception>
    public RequestMetadata Read<TValues>(string? remoteAddress, IEnumerable<KeyValuePair<string, TValues>> headers)
        where TValues : IEnumerable<string?>
    {
        ArgumentNullException.ThrowIfNull(headers);
        var remote = ParseRemote(remoteAddress);
        return Read(remote, Header(headers, ForwardedForHeader), Header(headers, UserAgentHeader), Header(headers, RequestIdHeader));
    }

    private RequestMetadata Read(IPAddress? remote, string? forwardedFor, string? userAgent, string? requestId)
    {
        var client = remote is not null && forwardedFor is not null && trustedProxies.Contains(remote)
            ? WalkForwardedFor(remote, forwardedFor)
            : remote;

        return new RequestMetadata
        {
            IpAddress = client?.ToString(),
            ForwardedFor = KeepEnd(forwardedFor, forwardedForMaxLength),
            UserAgent = Truncate(userAgent, userAgentMaxLength),
            RequestId = Truncate(requestId, requestIdMaxLength),
            TraceId = CurrentTraceId(),
        };
    }

    private static IPAddress? ParseRemote(string? remoteAddress)
    {
        if (remoteAddress is null)
        {
            return null;
        }

        if (!IpAddresses.TryParse(remoteAddress, out var parsed))
        {
            throw new ArgumentException($"remoteAddress '{remoteAddress}' is not an IP address: pass the connection's address, such as 203.0.113.7 or 2001:db8::1, or null.", nameof(remoteAddress));
        }

        return parsed;
    }

    private IPAddress WalkForwardedFor(IPAddress remote, string forwardedFor)
    {
        // From the right, one hop at a time, without splitting the whole header: a client may send megabytes of it.
        var client = remote;
        var end = forwardedFor.Length;
        while (end >= 0)
        {
            var comma = end == 0 ? -1 : forwardedFor.LastIndexOf(',', end - 1);
            if (!IpAddresses.TryParse(forwardedFor[(comma + 1)..end], out var hop))
            {
                break;
            }

            client = hop;
            if (!trustedProxies.Contains(hop) || comma < 0)
            {
                break;
            }

            end = comma;
        }

        return client;
    }

    private static string? Header(IEnumerable<KeyValuePair<string, string>> headers, string name)
    {
        string? joined = null;
        foreach (var (key, value) in headers)
        {
            // A null value is skipped: a caller's dictionary may hold one whatever its annotations say.
            if (value is not null && string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                joined = joined is null ? value : joined + "," + value;
            }
        }

        return joined;
    }

    private static string? Header<TValues>(IEnumerable<KeyValuePair<string, TValues>> headers, string name)
        where TValues : IEnumerable<string?>
    {
        string? joined = null;
        foreach (var (key, values) in headers)
        {
            if (values is null || !string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in values)
            {
                if (value is not null)
                {
                    joined = joined is null ? value : joined + "," + value;
                }
            }
        }

        return joined;
    }

    private static string? Truncate(string? value, int maxLength)
    {
        if (value is null || value.Length <= maxLength)
        {
            return value;
        }

        // Never cut a surrogate pair in half.
        var length = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return value[..length];
    }

    private static string? KeepEnd(string? value, int maxLength)
    {
        if (value is null || value.Length <= maxLength)
        {
            return value;
        }

        // Never cut a surrogate pair in half.
        var start = value.Length - maxLength;
        return value[(char.IsLowSurrogate(value[start]) ? start + 1 : start)..];
    }

    private static string? CurrentTraceId() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? activity.TraceId.ToHexString() : null;
}
