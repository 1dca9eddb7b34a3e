using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using static ExportKit.AspNetCore.Tests.ApiHost;
using static ExportKit.AspNetCore.Tests.AuditRouteTests;

namespace ExportKit.AspNetCore.Tests;

/// <summary><c>POST /exports</c> with <c>"delivery": "direct"</c>: the file in the response, recorded as a job's export is.</summary>
public sealed class DirectExportTests
{
    private static readonly object Direct = new { category = "operational-snapshot", format = "json", startDate = "2026-02-01", endDate = "2026-03-01", delivery = "direct" };

    [Fact]
    public async Task Direct_export_is_the_response_and_is_logged_registered_and_downloaded_like_a_job()
    {
        await using var host = await StartAsync(o => o.AllowDirectExports = true);
        using var response = await host.SendAsync(HttpMethod.Post, "/api/v1/exports", User("admin"), Direct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(bytes.Length, response.Content.Headers.ContentLength);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:", response.Headers.GetValues("Repr-Digest").Single());
        var exportId = response.Headers.GetValues("ExportKit-Export-Id").Single();
        Assert.Equal(exportId + ".json", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));

        var record = await host.Services.GetRequiredService<IExportRegistry>().FindAsync("acme", exportId);
        Assert.NotNull(record);
        var entries = new List<ExportLogEntry>();
        await foreach (var entry in host.Services.GetRequiredService<IExportLogStore>().ReadAsync(new ExportLogFilter { TenantId = "acme" }))
        {
            entries.Add(entry);
        }

        Assert.Equal(bytes.Length, entries.OfType<ExportGeneratedEntry>().Single(e => e.ExportId == exportId).SizeBytes);
        Assert.Single(entries.OfType<ExportDownloadedEntry>());
        Assert.Single(await host.EventsAsync("export.downloaded"));
        Assert.Equal(0, await host.DrainAsync()); // no job was queued
    }

    [Fact]
    public async Task Direct_export_is_400_naming_delivery_when_the_host_does_not_allow_it()
    {
        await using var host = await StartAsync();
        var problem = await AssertProblemAsync(await host.SendAsync(HttpMethod.Post, "/api/v1/exports", User("admin"), Direct), HttpStatusCode.BadRequest, "invalid-parameter");
        Assert.Equal("delivery", problem.GetProperty("parameter").GetString());
        Assert.Equal(0, await host.DrainAsync());
    }

    [Fact]
    public async Task Unknown_delivery_is_400_naming_it()
    {
        await using var host = await StartAsync(o => o.AllowDirectExports = true);
        var problem = await AssertProblemAsync(
            await host.SendAsync(HttpMethod.Post, "/api/v1/exports", User("admin"), new { category = "operational-snapshot", format = "json", delivery = "email" }),
            HttpStatusCode.BadRequest,
            "invalid-parameter");
        Assert.Equal("delivery", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Direct_export_over_the_cap_is_413_and_nothing_is_served_or_registered()
    {
        await using var host = await StartAsync(o => (o.AllowDirectExports, o.DirectExportMaxBytes) = (true, 64));
        using var response = await host.SendAsync(HttpMethod.Post, "/api/v1/exports", User("admin"), Direct);
        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "export-too-large");
        var records = new List<ExportRecord>();
        await foreach (var record in host.Services.GetRequiredService<IExportRegistry>().ListAsync("acme"))
        {
            records.Add(record);
        }

        Assert.Empty(records);
        Assert.Empty(await host.EventsAsync("export.downloaded"));
    }

    [Fact]
    public async Task Direct_export_denied_by_policy_is_403_with_every_violation()
    {
        await using var host = await StartAsync(o => o.AllowDirectExports = true);
        var problem = await AssertProblemAsync(
            await host.SendAsync(HttpMethod.Post, "/api/v1/exports", User("member"), new { category = "executive-summary", format = "zip", delivery = "direct" }),
            HttpStatusCode.Forbidden,
            "policy-denied");
        Assert.Equal(2, problem.GetProperty("violations").GetArrayLength());
    }

    [Fact]
    public async Task Direct_export_cap_is_validated_at_start()
    {
        await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => StartAsync(o => o.DirectExportMaxBytes = 0));
    }
}
