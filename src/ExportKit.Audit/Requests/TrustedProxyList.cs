using System.Net;

namespace ExportKit.Audit;

/// <summary>The trusted proxies of <see cref="AuditOptions.TrustedProxies"/>, parsed once: single addresses and CIDR ranges.</summary>
internal sealed class TrustedProxyList
{
    private readonly IPNetwork[] networks;

    public TrustedProxyList(IEnumerable<string> entries)
    {
        var parsed = new List<IPNetwork>();
        foreach (var entry in entries)
        {
            if (!TryParseEntry(entry, out var network))
            {
                throw new ArgumentException($"The trusted proxy '{entry}' is neither an IP address nor a CIDR range.", nameof(entries));
            }

            parsed.Add(network);
        }

        networks = [.. parsed];
    }

    /// <summary>Parses <c>10.0.0.5</c> (one address) or <c>10.0.0.0/8</c> (a range whose host bits are zero).</summary>
    public static bool TryParseEntry(string? entry, out IPNetwork network)
    {
        network = default;
        var text = entry?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            if (!IpAddresses.TryParse(text, out var single))
            {
                return false;
            }

            network = new IPNetwork(single, single.GetAddressBytes().Length * 8);
            return true;
        }

        return IpAddresses.TryParse(text[..slash], out _) && IPNetwork.TryParse(text, out network)
            && !network.BaseAddress.IsIPv4MappedToIPv6;
    }

    public bool Contains(IPAddress address)
    {
        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }
}
