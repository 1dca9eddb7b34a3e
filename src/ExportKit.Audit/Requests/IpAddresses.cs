using System.Net;
using System.Text.RegularExpressions;

namespace ExportKit.Audit;

/// <summary>
/// Parses IP addresses strictly. <see cref="IPAddress.TryParse(string?, out IPAddress?)"/> alone accepts forms such as
/// <c>12345</c> or <c>10.1</c>, which a header must not be able to pass off as an address, so IPv4 needs four dotted
/// parts; IPv4-mapped IPv6 addresses are read as the IPv4 address they carry.
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
            ? !trimmed.StartsWith('[') && !trimmed.Contains('/', StringComparison.Ordinal)
            : DottedQuad().IsMatch(trimmed);
        if (!looksRight || !IPAddress.TryParse(trimmed, out var parsed))
        {
            return false;
        }

        address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return true;
    }

    [GeneratedRegex(@"^[0-9]{1,3}(\.[0-9]{1,3}){3}$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedQuad();
}
