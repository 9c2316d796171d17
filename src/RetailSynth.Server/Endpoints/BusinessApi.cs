using RetailSynth.Jobs.Report;
using RetailSynth.Server.Contracts;
using RetailSynth.Server.Hosting;

namespace RetailSynth.Server.Endpoints;

/// <summary>GET /api/business: the series of the dashboard's Business page (sales by day, hour, department and store, stock, trucks, event mix).</summary>
internal static class BusinessApi
{
    public static void MapBusinessApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/business", Business).WithTags("Status")
            .WithSummary("What the business did over committed days (from/to optional business dates, yyyy-MM-dd, at most 366 days; default the last 31; top = stores listed, 1–50): "
                + "revenue and receipts by local day and hour, revenue by department and top stores, online share, store out-of-stock rate, DC truck queue, event mix of the outbox.");

    private static Results<Ok<BusinessPicture>, ValidationProblem> Business(string? from, string? to, string? top, ServerDatabase database, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var (first, last) = errors.DateRange(from, to);
        var stores = errors.Number("top", top, 10, 1, BusinessSeries.MaxTopStores);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        using var connection = database.OpenConnection();
        return errors.OverCommittedDays(() => new BusinessSeries().Run(connection, first, last, stores, cancellationToken));
    }
}
