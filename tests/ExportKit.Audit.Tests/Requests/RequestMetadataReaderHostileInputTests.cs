namespace ExportKit.Audit.Tests.Requests;

/// <summary>Regressions: X-Forwarded-For and X-Request-ID were stored untruncated (1 MB), and 010.000.000.001 was read as octal 8.0.0.1.</summary>
public sealed class RequestMetadataReaderHostileInputTests
{
    private const int OneMegabyte = 1024 * 1024;

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

    [Fact]
    public void One_megabyte_header_values_are_stored_cut_to_their_limits()
    {
        var forwardedFor = new string('9', OneMegabyte) + ", 198.51.100.7";
        var metadata = Reader("10.0.0.1").Read("10.0.0.1", Headers(
            ("X-Forwarded-For", forwardedFor),
            ("X-Request-ID", new string('r', OneMegabyte)),
            ("User-Agent", new string('u', OneMegabyte))));

        Assert.Equal(1024, metadata.ForwardedFor!.Length);
        Assert.EndsWith(", 198.51.100.7", metadata.ForwardedFor, StringComparison.Ordinal);
        Assert.Equal(128, metadata.RequestId!.Length);
        Assert.Equal(512, metadata.UserAgent!.Length);
        Assert.Equal("198.51.100.7", metadata.IpAddress);
    }

    [Fact]
    public void A_megabyte_of_commas_is_walked_without_trouble()
    {
        var metadata = Reader("10.0.0.0/8").Read("10.0.0.1", Headers(("X-Forwarded-For", new string(',', OneMegabyte) + "10.0.0.2")));

        Assert.Equal("10.0.0.2", metadata.IpAddress);
        Assert.Equal(1024, metadata.ForwardedFor!.Length);
    }

    [Fact]
    public void The_header_limits_are_configurable_and_validated()
    {
        var reader = new RequestMetadataReader(new AuditOptions { ForwardedForMaxLength = 16, RequestIdMaxLength = 16 });

        var metadata = reader.Read(null, Headers(("X-Forwarded-For", "203.0.113.9, 198.51.100.7"), ("X-Request-ID", new string('r', 40))));

        Assert.Equal(".9, 198.51.100.7", metadata.ForwardedFor);
        Assert.Equal(new string('r', 16), metadata.RequestId);
        var problems = new AuditOptions { ForwardedForMaxLength = 15, RequestIdMaxLength = 8193 }.Validate();
        Assert.Contains(problems, p => p.StartsWith("ForwardedForMaxLength is 15", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("RequestIdMaxLength is 8193", StringComparison.Ordinal));
    }

    [Fact]
    public void Cutting_the_forwarded_for_end_never_splits_a_surrogate_pair()
    {
        var reader = new RequestMetadataReader(new AuditOptions { ForwardedForMaxLength = 16 });

        var metadata = reader.Read(null, Headers(("X-Forwarded-For", "😀" + new string('x', 15))));

        Assert.Equal(new string('x', 15), metadata.ForwardedFor);
    }

    [Theory]
    [InlineData("010.000.000.001")]
    [InlineData("10.0.0.01")]
    [InlineData("00.1.2.3")]
    [InlineData("::ffff:010.0.0.1")]
    public void A_hop_with_a_leading_zero_is_refused_and_stops_the_walk(string hop)
    {
        var reader = Reader("10.0.0.0/8");

        var metadata = reader.Read("10.0.0.1", Headers(("X-Forwarded-For", "198.51.100.7, " + hop)));

        // Not 8.0.0.1 (octal) nor 10.0.0.1 (decimal): the hop is unknown, so the nearest trusted proxy is taken.
        Assert.Equal("10.0.0.1", metadata.IpAddress);
    }

    [Fact]
    public void An_untrusted_hop_with_a_leading_zero_is_not_believed_as_the_client()
    {
        var metadata = Reader("10.0.0.1").Read("10.0.0.1", Headers(("X-Forwarded-For", "010.000.000.001")));

        Assert.Equal("10.0.0.1", metadata.IpAddress);
    }

    [Theory]
    [InlineData("010.000.000.001")]
    [InlineData("::ffff:010.0.0.1")]
    public void A_remote_address_with_a_leading_zero_is_refused(string remote)
    {
        Assert.Throws<ArgumentException>("remoteAddress", () => Reader().Read(remote, []));
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("10.0.0.1")]
    [InlineData("100.200.250.255")]
    public void Canonical_addresses_with_zero_parts_are_still_read(string address)
    {
        Assert.Equal(address, Reader().Read(address, []).IpAddress);
    }

    [Theory]
    [InlineData("010.000.000.001")]
    [InlineData("010.0.0.0/8")]
    [InlineData("10.0.0.00/24")]
    public void A_trusted_proxy_with_a_leading_zero_is_an_options_error_naming_it(string entry)
    {
        var options = new AuditOptions();
        options.TrustedProxies.Add("10.0.0.1");
        options.TrustedProxies.Add(entry);

        var problem = Assert.Single(options.Validate());

        Assert.StartsWith($"TrustedProxies[1] '{entry}' has an IPv4 part with a leading zero", problem, StringComparison.Ordinal);
        var error = Assert.Throws<ArgumentException>("options", () => new RequestMetadataReader(options));
        Assert.Contains(entry, error.Message, StringComparison.Ordinal);
    }
}
