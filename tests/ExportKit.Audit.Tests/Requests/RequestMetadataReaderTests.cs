using System.Diagnostics;

namespace ExportKit.Audit.Tests.Requests;

public sealed class RequestMetadataReaderTests
{
    private static RequestMetadataReader Reader(params string[] trustedProxies)
    {
        var options = new AuditOptions();
        foreach (var proxy in trustedProxies)
        {
            options.TrustedProxies.Add(proxy);
        }

        return new RequestMetadataReader(options);
    }

    // A header whose value is null is left out, as a host's dictionary would.
    private static KeyValuePair<string, string>[] Headers(params (string Name, string? Value)[] headers) =>
        headers.Where(h => h.Value is not null).Select(h => KeyValuePair.Create(h.Name, h.Value!)).ToArray();

    private static string? ClientIp(RequestMetadataReader reader, string remote, string? forwardedFor) =>
        reader.Read(remote, Headers(("X-Forwarded-For", forwardedFor))).IpAddress;

    [Fact]
    public void A_direct_client_is_the_connections_address_with_its_headers()
    {
        var metadata = Reader().Read("203.0.113.7", Headers(("User-Agent", "Mozilla/5.0"), ("X-Request-ID", "abc123")));

        Assert.Equal(new RequestMetadata { IpAddress = "203.0.113.7", UserAgent = "Mozilla/5.0", RequestId = "abc123" }, metadata);
    }

    [Fact]
    public void Header_names_are_case_insensitive()
    {
        var metadata = Reader("10.0.0.1").Read("10.0.0.1", Headers(("x-forwarded-for", "198.51.100.7"), ("USER-AGENT", "curl/8"), ("x-request-id", "r1")));

        Assert.Equal("198.51.100.7", metadata.IpAddress);
        Assert.Equal("curl/8", metadata.UserAgent);
        Assert.Equal("r1", metadata.RequestId);
    }

    [Fact]
    public void Through_a_trusted_proxy_the_client_is_the_first_untrusted_hop_from_the_right()
    {
        var reader = Reader("10.0.0.1");

        var metadata = reader.Read("10.0.0.1", Headers(("X-Forwarded-For", "192.0.2.1, 198.51.100.7")));

        // 192.0.2.1 was written by the client itself (198.51.100.7) and cannot be believed.
        Assert.Equal("198.51.100.7", metadata.IpAddress);
        Assert.Equal("192.0.2.1, 198.51.100.7", metadata.ForwardedFor);
    }

    [Fact]
    public void A_spoofed_forwarded_for_from_an_untrusted_address_is_recorded_but_ignored()
    {
        var reader = Reader("10.0.0.1");

        var metadata = reader.Read("203.0.113.66", Headers(("X-Forwarded-For", "1.2.3.4")));

        Assert.Equal("203.0.113.66", metadata.IpAddress);
        Assert.Equal("1.2.3.4", metadata.ForwardedFor);
    }

    [Fact]
    public void Without_trusted_proxies_forwarded_for_is_never_believed()
    {
        Assert.Equal("10.0.0.1", ClientIp(Reader(), "10.0.0.1", "198.51.100.7"));
    }

    [Fact]
    public void Several_trusted_hops_are_skipped()
    {
        var reader = Reader("10.0.0.1", "10.0.0.2", "172.16.0.9");

        Assert.Equal("198.51.100.7", ClientIp(reader, "10.0.0.1", "192.0.2.1, 198.51.100.7, 172.16.0.9, 10.0.0.2"));
    }

    [Fact]
    public void When_every_hop_is_trusted_the_leftmost_is_the_client()
    {
        var reader = Reader("10.0.0.0/8");

        Assert.Equal("10.9.9.9", ClientIp(reader, "10.0.0.1", "10.9.9.9, 10.0.0.2"));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.200.3.4", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("192.168.1.0/24", "192.168.1.254", true)]
    [InlineData("192.168.1.0/24", "192.168.2.1", false)]
    [InlineData("0.0.0.0/0", "8.8.8.8", true)]
    public void Cidr_ranges_trust_every_address_inside_and_none_outside(string range, string remote, bool trusted)
    {
        var client = ClientIp(Reader(range), remote, "198.51.100.7");

        Assert.Equal(trusted ? "198.51.100.7" : remote, client);
    }

    [Fact]
    public void IPv6_proxies_ranges_and_clients_are_understood()
    {
        var reader = Reader("fd00::/8", "::1");

        Assert.Equal("2001:db8::7", ClientIp(reader, "fd12:3456::1", "2001:db8::7, fd00::2"));
        Assert.Equal("2001:db8::7", ClientIp(reader, "::1", "2001:db8:0:0:0:0:0:7"));
        Assert.Equal("2001:db8::9", ClientIp(reader, "2001:db8::9", "2001:db8::7"));
    }

    [Fact]
    public void An_IPv4_mapped_IPv6_connection_counts_as_its_IPv4_address()
    {
        Assert.Equal("198.51.100.7", ClientIp(Reader("10.0.0.1"), "::ffff:10.0.0.1", "198.51.100.7"));
    }

    [Theory]
    [InlineData("198.51.100.7, unknown, 10.0.0.2", "10.0.0.2")]
    [InlineData("198.51.100.7, , 10.0.0.2", "10.0.0.2")]
    [InlineData("198.51.100.7, 10.0.0.2:8080", "10.0.0.1")]
    [InlineData("198.51.100.7, 12345", "10.0.0.1")]
    [InlineData("198.51.100.7,evil.example", "10.0.0.1")]
    public void A_malformed_hop_stops_the_walk_at_the_last_good_address(string forwardedFor, string expected)
    {
        var reader = Reader("10.0.0.0/8");

        Assert.Equal(expected, ClientIp(reader, "10.0.0.1", forwardedFor));
    }

    [Fact]
    public void Several_forwarded_for_headers_are_read_as_one_list()
    {
        var metadata = Reader("10.0.0.1", "10.0.0.2").Read("10.0.0.1",
            Headers(("X-Forwarded-For", "198.51.100.7"), ("X-Forwarded-For", "10.0.0.2")));

        Assert.Equal("198.51.100.7", metadata.IpAddress);
        Assert.Equal("198.51.100.7,10.0.0.2", metadata.ForwardedFor);
    }

    [Fact]
    public void The_user_agent_is_cut_to_the_configured_length()
    {
        var reader = new RequestMetadataReader(new AuditOptions { UserAgentMaxLength = 16 });

        var metadata = reader.Read(null, Headers(("User-Agent", new string('x', 15) + "YZ")));

        Assert.Equal(new string('x', 15) + "Y", metadata.UserAgent);
        Assert.Equal(512, new AuditOptions().UserAgentMaxLength);
        Assert.Equal(512, Reader().Read(null, Headers(("User-Agent", new string('u', 2000)))).UserAgent!.Length);
    }

    [Fact]
    public void Truncation_never_splits_a_surrogate_pair()
    {
        var reader = new RequestMetadataReader(new AuditOptions { UserAgentMaxLength = 16 });

        var metadata = reader.Read(null, Headers(("User-Agent", new string('x', 15) + "😀")));

        Assert.Equal(new string('x', 15), metadata.UserAgent);
    }

    [Fact]
    public void The_trace_id_is_the_current_activitys()
    {
        Assert.Null(Reader().Read(null, []).TraceId);

        using var activity = new Activity("request");
        activity.SetIdFormat(ActivityIdFormat.W3C).Start();
        var metadata = Reader().Read(null, []);

        Assert.Equal(activity.TraceId.ToHexString(), metadata.TraceId);
        Assert.Matches("^[0-9a-f]{32}$", metadata.TraceId);
    }

    [Fact]
    public void An_unknown_remote_address_gives_no_ip()
    {
        var metadata = Reader("10.0.0.1").Read(null, Headers(("X-Forwarded-For", "198.51.100.7")));

        Assert.Null(metadata.IpAddress);
        Assert.Equal("198.51.100.7", metadata.ForwardedFor);
    }

    [Theory]
    [InlineData("not-an-ip")]
    [InlineData("10.0.0")]
    [InlineData("10.0.0.1:443")]
    [InlineData("")]
    public void A_malformed_remote_address_is_rejected_naming_it(string remote)
    {
        var error = Assert.Throws<ArgumentException>("remoteAddress", () => Reader().Read(remote, []));

        Assert.Contains($"'{remote}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Null_headers_are_rejected()
    {
        Assert.Throws<ArgumentNullException>("headers", () => Reader().Read("10.0.0.1", null!));
    }

    [Fact]
    public void A_dictionary_of_strings_is_accepted_as_it_is()
    {
        var headers = new Dictionary<string, string> { ["user-agent"] = "Mozilla/5.0", ["X-Request-ID"] = "abc123" };

        var metadata = Reader().Read("203.0.113.7", headers);

        Assert.Equal(new RequestMetadata { IpAddress = "203.0.113.7", UserAgent = "Mozilla/5.0", RequestId = "abc123" }, metadata);
    }

    [Fact]
    public void Multi_valued_headers_are_joined_in_order_as_one_list()
    {
        // The shape of ASP.NET Core's IHeaderDictionary (string values per name), without referencing it.
        var arrays = new Dictionary<string, string?[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Forwarded-For"] = ["198.51.100.7", null, "10.0.0.2"],
            ["User-Agent"] = ["Mozilla/5.0"],
        };
        IEnumerable<KeyValuePair<string, IEnumerable<string>>> lists =
        [
            new("X-Forwarded-For", new List<string> { "198.51.100.7" }),
            new("x-forwarded-for", new List<string> { "10.0.0.2" }),
            new("X-Request-ID", new List<string>()),
        ];

        var fromArrays = Reader("10.0.0.1", "10.0.0.2").Read("10.0.0.1", arrays);
        var fromLists = Reader("10.0.0.1", "10.0.0.2").Read("10.0.0.1", lists);

        Assert.Equal("198.51.100.7", fromArrays.IpAddress);
        Assert.Equal("198.51.100.7,10.0.0.2", fromArrays.ForwardedFor);
        Assert.Equal("Mozilla/5.0", fromArrays.UserAgent);
        Assert.Equal(new RequestMetadata { IpAddress = "198.51.100.7", ForwardedFor = "198.51.100.7,10.0.0.2" }, fromLists);
    }

    [Fact]
    public void Multi_valued_headers_are_checked_like_single_valued_ones()
    {
        var reader = Reader();

        Assert.Throws<ArgumentNullException>("headers", () => reader.Read("10.0.0.1", (Dictionary<string, string[]>)null!));
        Assert.Throws<ArgumentException>("remoteAddress", () => reader.Read("not-an-ip", new Dictionary<string, string[]>()));
        Assert.Equal(512, reader.Read(null, new Dictionary<string, string[]> { ["User-Agent"] = [new string('u', 2000)] }).UserAgent!.Length);
    }
}

