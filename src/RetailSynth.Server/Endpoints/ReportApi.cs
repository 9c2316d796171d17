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
        var (first, last) = errors.DateRange(from, to);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        using var connection = database.OpenConnection();
        return errors.OverCommittedDays(() => new RealismScorecard().Run(connection, first, last, cancellationToken: cancellationToken));
    }
}
