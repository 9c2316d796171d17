using RetailSynth.Jobs;
using RetailSynth.Server.Contracts;

namespace RetailSynth.Server.Endpoints;

/// <summary>GET /version: product version, git commit and model version, as <c>retailsynth --version</c> prints them.</summary>
internal static class VersionApi
{
    public static void MapVersionApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/version", Version).WithTags("Status").WithSummary("Product version, the git commit of the build (\"unknown\" without git) and the data model version.");

    private static Ok<VersionResponse> Version()
    {
        var current = ProductVersion.Current;
        return TypedResults.Ok(new VersionResponse(current.Version, current.Commit, current.ModelVersion));
    }
}
