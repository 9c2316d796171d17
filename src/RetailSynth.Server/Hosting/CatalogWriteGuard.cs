namespace RetailSynth.Server.Hosting;

/// <summary>
/// While the server reads the dataset catalog of a dataset of several regions, the routes that would write a region
/// (generation, stream sessions and their outbox, dataset deletion) answer 409: each region is generated and streamed by
/// its own <c>retailsynth … --region r</c> process (scale-out §4), and the catalog is read only while none runs.
/// Runs after the origin and key guards, so an unauthorised request learns nothing.
/// </summary>
internal sealed class CatalogWriteGuard(ServerDatabase database) : IMiddleware
{
    private static readonly string[] s_writingPrefixes = ["/api/generate", "/api/stream", "/api/dataset"];

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (database.IsCatalog
            && MutatingRequests.IsMutating(context.Request)
            && s_writingPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase))
            && !path.StartsWithSegments("/api/stream/test-connection", StringComparison.OrdinalIgnoreCase))
        {
            await TypedResults.Problem(
                title: "Conflict",
                detail: "The server reads the dataset catalog of a dataset of several regions (Simulation:Regions > 1) and writes no region; " +
                    "generate or stream each region with `retailsynth generate facts --region r` or `retailsynth stream --region r` while the server is stopped.",
                statusCode: StatusCodes.Status409Conflict).ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
