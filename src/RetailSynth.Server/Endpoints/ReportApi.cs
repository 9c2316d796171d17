using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using RetailSynth.Jobs.Report;
using RetailSynth.Server.Contracts;
using RetailSynth.Server.Hosting;

namespace RetailSynth.Server.Endpoints;

/// <summary>GET /api/report: the realism scorecard (realism.md) over committed days, the content of <c>retailsynth report --json</c>.</summary>
internal static class ReportApi
{
    public static void MapReportApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/report", Report).WithTags("Status") // beside /api/status: what the database holds and how realistic it is
            .WithSummary("The realism scorecard over committed days (from/to optional, yyyy-MM-dd): each KPI's values, bands, verdict and horizon.");

    private static Results<Ok<RealismReport>, ValidationProblem> Report(string? from, string? to, ServerDatabase database, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var first = errors.Date("from", from);
        var last = errors.Date("to", to);
        if (first > last)
        {
            errors.Add("from", $"{first:yyyy-MM-dd} is after to {last:yyyy-MM-dd}");
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        using var connection = database.OpenConnection();
        try
        {
            return TypedResults.Ok(new RealismScorecard().Run(connection, first, last, cancellationToken: cancellationToken));
        }
        catch (ReportRangeException ex)
        {
            errors.Add(ex.Field, ex.Problem);
            return errors.ToProblem();
        }
    }
}
