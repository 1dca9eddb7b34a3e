using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ExportKit.AspNetCore.Tests;

public sealed class EndpointMetadataTests
{
    [Fact]
    public async Task Every_route_has_a_name_a_summary_and_its_problem_responses()
    {
        await using var host = await ApiHost.StartAsync();
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .ToList();

        Assert.Equal(13, endpoints.Count);
        Assert.All(endpoints, e =>
        {
            Assert.StartsWith("ExportKit.", e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(e.Metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary));
            var statuses = e.Metadata.OfType<IProducesResponseTypeMetadata>().Select(p => p.StatusCode).ToHashSet();
            Assert.Contains(StatusCodes.Status401Unauthorized, statuses);
            Assert.Contains(StatusCodes.Status400BadRequest, statuses);
        });
        Assert.Equal(13, endpoints.Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName).Distinct().Count());
    }

    [Fact]
    public void MapExportKit_returns_the_group_for_the_host_to_secure()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddExportKit().AddAspNetCore();
        builder.Services.AddAuthorization();
        using var app = (IDisposable)builder.Build();
        var group = ((WebApplication)app).MapExportKit("/api/v1");
        Assert.IsType<RouteGroupBuilder>(group.RequireAuthorization());
    }
}
