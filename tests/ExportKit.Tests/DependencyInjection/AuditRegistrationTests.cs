using ExportKit.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.Tests.DependencyInjection;

/// <summary>DI hands out the audit trail by its interface and the request-metadata reader built from the audit options.</summary>
public sealed class AuditRegistrationTests
{
    [Fact]
    public void The_audit_trail_is_registered_by_its_interface_only()
    {
        var services = new ServiceCollection();
        services.AddExportKit();
        using var provider = services.BuildServiceProvider();

        Assert.IsType<AuditTrail>(provider.GetRequiredService<IAuditTrail>());
        Assert.Null(provider.GetService<AuditTrail>());
    }

    [Fact]
    public void The_request_metadata_reader_is_a_singleton_built_from_the_audit_options()
    {
        var services = new ServiceCollection();
        services.AddExportKit();
        services.Configure<AuditOptions>(o => o.TrustedProxies.Add("10.0.0.0/8"));
        using var provider = services.BuildServiceProvider();

        var reader = provider.GetRequiredService<RequestMetadataReader>();
        var metadata = reader.Read("10.0.0.5", new Dictionary<string, string> { ["X-Forwarded-For"] = "203.0.113.7" });

        Assert.Same(reader, provider.GetRequiredService<RequestMetadataReader>());
        Assert.Equal("203.0.113.7", metadata.IpAddress);
    }
}
