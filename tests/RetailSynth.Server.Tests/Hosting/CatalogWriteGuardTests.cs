using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Jobs;
using RetailSynth.Server.Tests.Infrastructure;
using RetailSynth.Tests;

namespace RetailSynth.Server.Tests.Hosting;

/// <summary>A dataset of two regions served: the read routes over the dataset catalog, the write routes refused (scale-out §3).</summary>
public sealed class CatalogWriteGuardTests
{
    private static readonly Dictionary<string, string?> s_twoRegions = new()
    {
        ["Simulation:Regions"] = "2",
        ["Simulation:DistributionCenters"] = "1",
    };

    private static void GenerateDimensions(RetailSynthSettings settings) =>
        new DimensionJob(settings, ReducedWorld.Dictionaries, NullLogger<DimensionJob>.Instance).Run(false, _ => { }, CancellationToken.None);

    [Fact]
    public async Task Two_regions_are_read_as_one_dataset_and_the_routes_that_write_answer_409()
    {
        await using var server = await RunningServer.StartAsync(overrides: s_twoRegions, prepare: GenerateDimensions);

        Assert.Equal(10, await server.RowsAsync("dim_stores")); // 5 stores in each region
        Assert.Equal(4001, await server.RowsAsync("dim_customers")); // 2,000 in each region and customer 0 once
        var status = await server.GetJsonAsync("/api/status");
        Assert.Equal(10, status.GetProperty("dimension_counts").GetProperty("dim_stores").GetInt64());

        foreach (var (method, path) in new[] { (HttpMethod.Post, "/api/generate/dimensions"), (HttpMethod.Post, "/api/stream/start"), (HttpMethod.Delete, "/api/stream/outbox") })
        {
            using var response = await server.SendEmptyJsonAsync(method, path);
            await Problems.AssertStatusAsync(response, HttpStatusCode.Conflict);
            Assert.Contains("--region r", await response.Content.ReadAsStringAsync());
        }
    }
}
