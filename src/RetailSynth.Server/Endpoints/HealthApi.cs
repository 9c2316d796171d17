using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace RetailSynth.Server.Endpoints;

/// <summary>/health (liveness: the process answers) and /health/ready (also checks the database).</summary>
internal static class HealthApi
{
    public const string ReadyTag = "ready";

    public static void MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).WithTags("Health");
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).WithTags("Health");
    }
}
