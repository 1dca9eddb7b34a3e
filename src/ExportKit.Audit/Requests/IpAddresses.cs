using System.Net;
using System.Text.RegularExpressions;

namespace ExportKit.Audit;

/// <summary>
/// Parses IP addresses strictly. <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> alone accepts forms such as
/// <c>12345</c> or <c>10.1</c>, which a header must not be able to pass off as an address, so IPv4 needs four dotted
/// parts; IPv4-mapped IPv6 addresses are read as the IPv4 address they carry. An IPv4 part with a leading zero
/// (<c>010.000.000.001</c>, also inside IPv6 as <c>::ffff:010.0.0.1</c>) is refused: some parsers read it as octal
/// (<c>8.0.0.1</c>), others as decimal, so it cannot be believed to mean one address.
/// </summary>
internal static partial class IpAddresses
{
    public static bool TryParse(string? text, out IPAddress address)
    {
        address = IPAddress.None;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        var looksRight = trimmed.Contains(':', StringComparison.Ordinal)
            ? !trimmed.StartsWith('[') && !trimmed.Contains('/', StringComparison.Ordinal) && EmbeddedIPv4IsCanonical(trimmed)
            : DottedQuad().IsMatch(trimmed);
        if (!looksRight || !IPAddress.TryParse(trimmed, out var parsed))
        {
            return false;
        }

        address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return true;
    }

    /// <summary>Tells whether the text (an address or a CIDR range) holds an IPv4 dotted quad with a part that has a leading zero.</summary>
    public static bool HasLeadingZeroOctet(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        var slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        var address = slash < 0 ? trimmed : trimmed[..slash];
        var lastColon = address.LastIndexOf(':');
        var quad = lastColon < 0 ? address : address[(lastColon + 1)..];
        return LooseDottedQuad().IsMatch(quad) && !DottedQuad().IsMatch(quad);
    }

    // An IPv6 literal may end in an IPv4 address (::ffff:10.0.0.1); that part must be canonical too.
    private static bool EmbeddedIPv4IsCanonical(string text)
    {
        var tail = text[(text.LastIndexOf(':') + 1)..];
        return !tail.Contains('.', StringComparison.Ordinal) || DottedQuad().IsMatch(tail);
    }

    // Four decimal parts of 1 to 3 digits, none with a leading zero ("0" itself is fine); \z, not $, so "1.2.3.4\n" fails.
    [GeneratedRegex(@"^(0|[1-9][0-9]{0,2})(\.(0|[1-9][0-9]{0,2})){3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex DottedQuad();

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{1,3}){3}\z", RegexOptions.CultureInvariant)]
    private static partial Regex LooseDottedQuad();
}
