using ExportKit.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExportKit.Tests.DependencyInjection;

/// <summary>DI hands out the transparency log over the registered trail, with its options checked.</summary>
public sealed class TransparencyRegistrationTests
{
    [Fact]
    public async Task The_transparency_log_signs_checkpoints_of_the_registered_trail()
    {
        var services = new ServiceCollection();
        services.AddExportKit();
        services.AddAuditTransparencyLog(o => o.SigningKey = AuditTransparencyOptions.GenerateSigningKey("example.com/audit"));
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IAuditTrail>().RecordAsync(new AuditEventDraft { EventType = "user.updated", TenantId = "acme" });

        var log = provider.GetRequiredService<IAuditTransparencyLog>();
        var checkpoint = await log.CreateCheckpointAsync();

        Assert.StartsWith("example.com/audit\n1\n", checkpoint, StringComparison.Ordinal);
        Assert.True((await log.VerifyAsync(checkpoint)).IsValid);
    }

    [Fact]
    public void A_missing_signing_key_fails_when_the_log_is_resolved_naming_the_option()
    {
        var services = new ServiceCollection();
        services.AddExportKit();
        services.AddAuditTransparencyLog(_ => { });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<AuditTransparencyOptions>>().Value);

        Assert.Contains("SigningKey", error.Message, StringComparison.Ordinal);
    }
}
