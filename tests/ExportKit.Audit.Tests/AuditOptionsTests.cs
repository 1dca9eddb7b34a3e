namespace ExportKit.Audit.Tests;

public sealed class AuditOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        var options = new AuditOptions();

        Assert.Empty(options.Validate());
        Assert.Null(options.HmacKey);
        Assert.Equal(512, options.UserAgentMaxLength);
        Assert.Empty(options.TrustedProxies);
        Assert.False(options.SkipUnchangedUpdates);
    }

    [Fact]
    public void Validation_lists_every_problem_naming_the_option_and_the_bad_entry()
    {
        var options = new AuditOptions { UserAgentMaxLength = 15, HmacKey = "not base64!" };
        options.TrustedProxies.Add("10.0.0.1");
        options.TrustedProxies.Add("10.0.0.0/33");
        options.TrustedProxies.Add("proxy.internal");

        var problems = options.Validate();

        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("UserAgentMaxLength is 15", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("HmacKey", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("TrustedProxies[1] '10.0.0.0/33'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("TrustedProxies[2] 'proxy.internal'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(16, true)]
    [InlineData(8192, true)]
    [InlineData(8193, false)]
    [InlineData(0, false)]
    public void The_user_agent_length_is_from_16_to_8192(int length, bool valid)
    {
        Assert.Equal(valid, new AuditOptions { UserAgentMaxLength = length }.Validate().Count == 0);
    }

    [Fact]
    public void An_hmac_key_must_decode_to_at_least_32_bytes()
    {
        Assert.NotEmpty(new AuditOptions { HmacKey = Convert.ToBase64String(new byte[31]) }.Validate());
        Assert.Empty(new AuditOptions { HmacKey = Convert.ToBase64String(new byte[32]) }.Validate());
    }

    [Fact]
    public void The_trail_and_the_reader_refuse_invalid_options_listing_all_problems()
    {
        var options = new AuditOptions { UserAgentMaxLength = 1 };
        options.TrustedProxies.Add("nope");

        var trail = Assert.Throws<ArgumentException>("options", () => new AuditTrail(new InMemoryAuditEventStore(), TimeProvider.System, new Testing.SequentialIds(), options));
        var reader = Assert.Throws<ArgumentException>("options", () => new RequestMetadataReader(options));

        Assert.Contains("UserAgentMaxLength", trail.Message, StringComparison.Ordinal);
        Assert.Contains("'nope'", trail.Message, StringComparison.Ordinal);
        Assert.Equal(trail.Message, reader.Message);
    }
}
