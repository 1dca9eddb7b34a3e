using System.Globalization;

namespace ExportKit.Audit;

/// <summary>
/// How the audit trail hashes its chain, reads request metadata and treats updates that change nothing. A POCO with
/// defaults; <see cref="Validate"/> lists every problem at once, and the types that take the options call it when they
/// are created.
/// </summary>
public sealed class AuditOptions
{
    /// <summary>The smallest <see cref="UserAgentMaxLength"/> allowed.</summary>
    public const int MinUserAgentLength = 16;

    /// <summary>The largest <see cref="UserAgentMaxLength"/> allowed.</summary>
    public const int MaxUserAgentLength = 8192;

    /// <summary>The smallest <see cref="ForwardedForMaxLength"/> and <see cref="RequestIdMaxLength"/> allowed.</summary>
    public const int MinHeaderLength = 16;

    /// <summary>The largest <see cref="ForwardedForMaxLength"/> and <see cref="RequestIdMaxLength"/> allowed.</summary>
    public const int MaxHeaderLength = 8192;

    /// <summary>The fewest bytes an <see cref="HmacKey"/> may decode to (the size of a SHA-256 hash).</summary>
    public const int MinHmacKeyBytes = 32;

    /// <summary>
    /// Gets or sets the key that makes the chain's hashes HMAC-SHA-256 instead of plain SHA-256, as base64. With a key,
    /// someone who can write to the store cannot forge a valid chain without also knowing the key.
    /// </summary>
    /// <value>The default value is <see langword="null"/> (plain SHA-256). When set, at least 32 bytes once decoded.</value>
    public string? HmacKey { get; set; }

    /// <summary>Gets or sets how many characters of the User-Agent header are kept; the rest is cut off.</summary>
    /// <value>The default value is 512; from 16 to 8192.</value>
    public int UserAgentMaxLength { get; set; } = 512;

    /// <summary>
    /// Gets or sets how many characters of the X-Forwarded-For header are stored. The <em>end</em> of the header is
    /// kept (the hops nearest to the server, the ones added by trusted proxies), since a client can pad the start.
    /// The client's address is still read from the whole header.
    /// </summary>
    /// <value>The default value is 1024; from 16 to 8192.</value>
    public int ForwardedForMaxLength { get; set; } = 1024;

    /// <summary>Gets or sets how many characters of the X-Request-ID header are stored; the rest is cut off.</summary>
    /// <value>The default value is 128; from 16 to 8192.</value>
    public int RequestIdMaxLength { get; set; } = 128;

    /// <summary>
    /// Gets the proxies whose X-Forwarded-For header is believed: IP addresses (<c>10.0.0.5</c>, <c>::1</c>) or CIDR ranges
    /// (<c>10.0.0.0/8</c>, <c>fd00::/8</c>). From any other address the header is recorded but never believed.
    /// </summary>
    /// <value>The default value is an empty list: no proxy is trusted, the connection's address is the client's.</value>
    public IList<string> TrustedProxies { get; } = [];

    /// <summary>
    /// Gets or sets a value indicating whether an update (both before and after given) whose diff is empty is skipped
    /// instead of recorded.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: every event is recorded.</value>
    public bool SkipUnchangedUpdates { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the acting user's id is personal data: committed to in the transparency
    /// log's leaves instead of written into them, and erased with the person's other data.
    /// </summary>
    /// <value>The default value is <see langword="false"/>: user ids are kept (they are usually pseudonymous keys), and erasure finds a person's events by them.</value>
    public bool UserIdIsPersonal { get; set; }

    /// <summary>
    /// Gets the names of the JSON members of an event's context, before and after state that hold personal data (for
    /// example <c>email</c>, <c>name</c>), matched at any depth, case-sensitively. With a store that keeps the
    /// transparency log, their values (and the diff's values under them) enter the leaves only as salted commitments,
    /// so they can be erased later; the IP address, X-Forwarded-For and user agent always do.
    /// </summary>
    /// <value>The default value is an empty list.</value>
    public IList<string> PersonalFields { get; } = [];

    /// <summary>Checks the options and returns every problem found.</summary>
    /// <returns>The problems, each naming the option and what is allowed; empty when the options are valid.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (UserAgentMaxLength is < MinUserAgentLength or > MaxUserAgentLength)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"UserAgentMaxLength is {UserAgentMaxLength}: use a length from {MinUserAgentLength} to {MaxUserAgentLength}."));
        }

        AddIfOutOfRange(problems, nameof(ForwardedForMaxLength), ForwardedForMaxLength);
        AddIfOutOfRange(problems, nameof(RequestIdMaxLength), RequestIdMaxLength);
        if (HmacKey is not null && HmacKeyBytes(HmacKey) is not { Length: >= MinHmacKeyBytes })
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"HmacKey is not base64 of at least {MinHmacKeyBytes} bytes: give a random key of {MinHmacKeyBytes} bytes or more in base64, or null for plain SHA-256."));
        }

        for (var i = 0; i < PersonalFields.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(PersonalFields[i]))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"PersonalFields[{i}] is blank: give the name of a JSON member that holds personal data, for example email."));
            }
        }

        for (var i = 0; i < TrustedProxies.Count; i++)
        {
            if (IpAddresses.HasLeadingZeroOctet(TrustedProxies[i]))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"TrustedProxies[{i}] '{TrustedProxies[i]}' has an IPv4 part with a leading zero, which some parsers read as octal: write each part in plain decimal, for example 10.0.0.1 instead of 010.000.000.001."));
            }
            else if (!TrustedProxyList.TryParseEntry(TrustedProxies[i], out _))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture,
                    $"TrustedProxies[{i}] '{TrustedProxies[i]}' is neither an IP address nor a CIDR range: use forms like 10.0.0.5, 10.0.0.0/8 or fd00::/8."));
            }
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Validate"/> finds a problem, listing all of them.</summary>
    internal void ThrowIfInvalid(string paramName)
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException("The audit options are invalid: " + string.Join(" ", problems), paramName);
        }
    }

    internal PersonalDataPolicy PersonalDataPolicy() => new(UserIdIsPersonal, PersonalFields);

    internal byte[]? DecodeHmacKey() => HmacKey is null ? null : HmacKeyBytes(HmacKey);

    private static void AddIfOutOfRange(List<string> problems, string name, int value)
    {
        if (value is < MinHeaderLength or > MaxHeaderLength)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{name} is {value}: use a length from {MinHeaderLength} to {MaxHeaderLength}."));
        }
    }

    private static byte[]? HmacKeyBytes(string base64)
    {
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
