namespace RetailSynth.Jobs.Report;

/// <summary>
/// The seventeen KPIs of realism.md §2–§3, in order; each family's SQL lives in its own file (RealismKpis.*.cs).
/// Every query reads facts whose <c>event_ts</c> lies in the horizon (calendar groupings by <c>business_date</c>).
/// </summary>
internal static partial class RealismKpis
{
    public sealed record Kpi(string Id, string Title, Action<KpiBuilder, ReportContext> Measure);

    public static IReadOnlyList<Kpi> All { get; } =
    [
        new("R1", "shipments waiting > 24 h for a truck at a day end", TruckWaits),
        new("R2", "store out-of-stock rate", OutOfStock),
        new("R3", "seasonality", Seasonality),
        new("R4", "monthly average ticket", MonthlyTicket),
        new("R5", "customer locality", Locality),
        new("R6", "assortment concentration and mix", Assortment),
        new("R7", "paid marketing", Marketing),
        new("R8", "store conversion", Conversion),
        new("R9", "truck fill, distance, speed", Trucks),
        new("R10", "local time", LocalTime),
        new("R11", "returns", Returns),
        new("R12", "customers", Customers),
        new("R13", "online share of revenue", OnlineShare),
        new("R14", "store map", StoreMap),
        new("R15", "brand / category coherence", BrandCoherence),
        new("R16", "product seasonality", ProductSeasonality),
        new("R17", "volumes", Volumes),
    ];

    /// <summary>SALE receipts of the horizon, by <c>event_ts</c>.</summary>
    private const string SalesInHorizon = "receipt_type = 'SALE' AND event_ts >= @from AND event_ts < @end";

    /// <summary><see cref="SalesInHorizon"/> for a table alias such as "r.".</summary>
    private static string SalesOf(string alias) => $"{alias}receipt_type = 'SALE' AND {alias}event_ts >= @from AND {alias}event_ts < @end";

    /// <summary>An online order header <c>h</c> that has no CANCELLED row.</summary>
    internal const string NotCancelled = "NOT EXISTS (SELECT 1 FROM fact_online_order_status c WHERE c.order_id_ext = h.order_id_ext AND c.status = 'CANCELLED')";

    /// <summary>Null when the horizon reaches <paramref name="days"/>, else the reason the band is not judged.</summary>
    private static string? NeedsDays(ReportHorizon horizon, int days, string? what = null) =>
        horizon.Days >= days ? null : $"{what ?? "judged"} from {days} days; the horizon has {horizon.Days}";

    private static string? NeedsYear(ReportHorizon horizon, string? what = null) =>
        horizon.FullYears.Count > 0 ? null : $"{what ?? "judged"} on a calendar year; the horizon holds none";

    /// <summary>
    /// The calendar year a yearly band reads (the horizon's first full year, else the year it ends in), said to the
    /// scorecard, and why the band is not judged when the horizon holds no full year.
    /// </summary>
    private static (int Year, string? NotJudged) CalendarYear(KpiBuilder kpi, ReportHorizon horizon)
    {
        var year = horizon.FullYears.Count > 0 ? horizon.FullYears[0] : horizon.To.Year;
        kpi.JudgedOn($"calendar year {year} (business_date)");
        return (year, NeedsYear(horizon));
    }

    private static string? NeedsYearOrM(ReportHorizon horizon, string? what = null) =>
        horizon.HasYearOrReferenceMonth ? null : $"{what ?? "judged"} on a calendar year or on M (31 days of large); other horizons report the values";

    /// <summary>A ratio, null when the denominator is zero or absent.</summary>
    private static double? Ratio(double? numerator, double? denominator) =>
        numerator is { } n && denominator is { } d && d != 0 ? n / d : null;

    private static string Quote(string label) => label.Replace("'", "''", StringComparison.Ordinal);
}
