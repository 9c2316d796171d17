using DuckDB.NET.Data;
using RetailSynth.Storage;

namespace RetailSynth.Jobs.Report;

/// <summary>
/// Reads the <see cref="BusinessPicture"/> of a range of committed days: a handful of aggregate queries over the facts,
/// the outbox and the simulator state, inside one transaction that is rolled back (one snapshot, nothing written).
/// Store-facing series group by the node-local <c>business_date</c> and <c>local_hour</c>; the out-of-stock rate is the
/// realism report's R2 measure and the truck queue R1's shipments, both at UTC instants as the report takes them.
/// </summary>
public sealed class BusinessSeries
{
    /// <summary>The longest range one request may span: a year keeps every query within a few seconds on <c>small</c>.</summary>
    public const int MaxDays = 366;

    /// <summary>The range when <c>from</c> is not given: the month up to <c>to</c>.</summary>
    public const int DefaultDays = 31;

    /// <summary>The most stores the top-stores series may list.</summary>
    public const int MaxTopStores = 50;

    /// <param name="connection">An open connection to the dataset.</param>
    /// <param name="from">First business date; default the 31 days up to <paramref name="to"/> (not before the start date).</param>
    /// <param name="to">Last business date; default the last committed day.</param>
    /// <param name="topStores">How many stores the top-stores series lists (1 … <see cref="MaxTopStores"/>).</param>
    /// <param name="cancellationToken">Stops between queries.</param>
    /// <exception cref="ReportRangeException">The range is reversed, reaches beyond the committed days or is too long.</exception>
    /// <exception cref="RetailSynthException">No dataset, no committed day yet, or data of another model version.</exception>
    public BusinessPicture Run(DuckDBConnection connection, DateOnly? from = null, DateOnly? to = null, int topStores = 10, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(topStores, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(topStores, MaxTopStores);
        var dataset = RealismScorecard.ReadDataset(connection);
        var horizon = Resolve(dataset, from, to);
        var q = new ReportContext(connection, horizon, cancellationToken);

        using var transaction = connection.BeginTransaction();
        var days = Days(q);
        var picture = new BusinessPicture(
            dataset.DatasetId,
            dataset.Profile,
            horizon.From,
            horizon.To,
            horizon.LastCommittedDay,
            horizon.To == horizon.LastCommittedDay,
            Totals(days),
            days,
            Hours(q),
            Departments(q),
            TopStores(q, topStores),
            OutOfStock(q),
            TruckQueue(q),
            EventMix(q));
        transaction.Rollback();
        return picture;
    }

    /// <summary>The scorecard's range rules, with a month-long default and a cap on the span.</summary>
    internal static ReportHorizon Resolve(DatasetRecord dataset, DateOnly? from, DateOnly? to)
    {
        if (from is null && to is { } last && last < dataset.StartDate)
        {
            throw new ReportRangeException("to", $"to {last:yyyy-MM-dd} is before the dataset's start date {dataset.StartDate:yyyy-MM-dd}.");
        }

        var final = to ?? dataset.LastCommittedDay;
        var first = from ?? (final is { } end ? Later(end.AddDays(1 - DefaultDays), dataset.StartDate) : null);
        var horizon = RealismScorecard.Resolve(dataset, first, to);
        if (horizon.Days > MaxDays)
        {
            throw new ReportRangeException("from", $"from {horizon.From:yyyy-MM-dd} … to {horizon.To:yyyy-MM-dd} spans {horizon.Days} days; at most {MaxDays} are read at once.");
        }

        return horizon;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>SALE receipts dated in the range at their store.</summary>
    private const string StoreSales = "receipt_type = 'SALE' AND business_date BETWEEN @from_date AND @to_date";

    /// <summary>Online orders <c>h</c> dated in the range at their node and never cancelled.</summary>
    private const string OnlineSales = $"h.business_date BETWEEN @from_date AND @to_date AND {RealismKpis.NotCancelled}";

    private static List<DailySales> Days(ReportContext q) =>
        [.. q.Rows($"""
            WITH days AS (SELECT CAST(d AS DATE) AS day FROM range(@from, @end, INTERVAL 1 DAY) t(d)),
            store AS (SELECT business_date AS day, sum(subtotal_cents) AS cents, count(*) AS receipts FROM fact_receipts WHERE {StoreSales} GROUP BY ALL),
            online AS (SELECT h.business_date AS day, sum(h.subtotal_cents) AS cents, count(*) AS orders FROM fact_online_order_headers h WHERE {OnlineSales} GROUP BY ALL)
            SELECT d.day, coalesce(s.cents, 0), coalesce(s.receipts, 0), coalesce(o.cents, 0), coalesce(o.orders, 0)
            FROM days d LEFT JOIN store s USING (day) LEFT JOIN online o USING (day) ORDER BY d.day
            """).Select(r => new DailySales(
                DateOnly.FromDayNumber((int)r[0]!.Value), Money(r[1]), (long)r[2]!.Value, Money(r[3]), (long)r[4]!.Value, Share(r[3], r[1])))];

    private static BusinessTotals Totals(List<DailySales> days)
    {
        var store = days.Sum(d => (decimal)d.Revenue);
        var online = days.Sum(d => (decimal)d.OnlineRevenue);
        return new BusinessTotals(
            (double)store, days.Sum(d => d.Receipts), (double)online, days.Sum(d => d.OnlineOrders), store + online == 0 ? null : (double)(online / (store + online)));
    }

    private static List<HourlySales> Hours(ReportContext q) =>
        [.. q.Rows($"""
            WITH hours AS (SELECT CAST(h AS SMALLINT) AS local_hour FROM range(0, 24) t(h)),
            store AS (SELECT local_hour, sum(subtotal_cents) AS cents, count(*) AS receipts FROM fact_receipts WHERE {StoreSales} GROUP BY ALL)
            SELECT h.local_hour, coalesce(s.cents, 0), coalesce(s.receipts, 0) FROM hours h LEFT JOIN store s USING (local_hour) ORDER BY h.local_hour
            """).Select(r => new HourlySales((int)r[0]!.Value, Money(r[1]), (long)r[2]!.Value))];

    private static List<DepartmentSales> Departments(ReportContext q) =>
        [.. q.Labelled($"""
            WITH store AS (
                SELECT p.department, sum(l.ext_cents) AS cents FROM fact_receipt_lines l JOIN dim_products p USING (product_id)
                WHERE l.receipt_id_ext IN (SELECT receipt_id_ext FROM fact_receipts WHERE {StoreSales}) GROUP BY ALL),
            online AS (
                SELECT p.department, sum(l.ext_cents) AS cents FROM fact_online_order_lines l JOIN dim_products p USING (product_id)
                WHERE l.order_id_ext IN (SELECT h.order_id_ext FROM fact_online_order_headers h WHERE {OnlineSales}) GROUP BY ALL)
            SELECT department, coalesce(s.cents, 0), coalesce(o.cents, 0) FROM store s FULL JOIN online o USING (department)
            ORDER BY coalesce(s.cents, 0) + coalesce(o.cents, 0) DESC, department
            """).Select(r => new DepartmentSales(r.Label, Money(r.Values[0]), Money(r.Values[1])))];

    private static List<StoreSales> TopStores(ReportContext q, int top) =>
        [.. q.Labelled($"""
            SELECT st.store_number, s.store_id, s.cents, s.receipts
            FROM (SELECT store_id, sum(subtotal_cents) AS cents, count(*) AS receipts FROM fact_receipts WHERE {StoreSales} GROUP BY ALL) s
            JOIN dim_stores st USING (store_id)
            ORDER BY s.cents DESC, s.store_id LIMIT {top}
            """).Select(r => new StoreSales((long)r.Values[0]!.Value, r.Label, Money(r.Values[1]), (long)r.Values[2]!.Value))];

    /// <summary>
    /// R2 at every UTC day end of the range in one pass: each launched (store, product) pair takes the balance of its
    /// last transaction up to that day (an as-of join over per-day last balances), else its opening balance, else the
    /// simulator's state, exactly as RealismKpis.OutOfStockSql does for one day.
    /// </summary>
    private static List<DailyRate> OutOfStock(ReportContext q) =>
        [.. q.Rows("""
            WITH days AS (SELECT CAST(d AS DATE) AS day FROM range(@from, @end, INTERVAL 1 DAY) t(d)),
            pairs AS (SELECT s.store_id, p.product_id, p.launch_date FROM dim_stores s CROSS JOIN dim_products p),
            grid AS (SELECT d.day, p.store_id, p.product_id FROM days d JOIN pairs p ON p.launch_date <= d.day),
            daily AS (
                SELECT store_id, product_id, CAST(event_ts AS DATE) AS day, arg_max(balance, txn_seq) AS on_hand
                FROM fact_store_inventory_txn WHERE event_ts < @end GROUP BY ALL),
            first_row AS (
                SELECT store_id, product_id, arg_min(balance - quantity, txn_seq) AS on_hand FROM fact_store_inventory_txn GROUP BY ALL),
            in_state AS (SELECT node_id AS store_id, product_id, on_hand FROM sim_inventory_balances WHERE node_type = 'STORE')
            SELECT g.day, avg(CASE WHEN coalesce(l.on_hand, f.on_hand, s.on_hand, 0) = 0 THEN 1.0 ELSE 0.0 END)
            FROM grid g
            ASOF LEFT JOIN daily l ON g.store_id = l.store_id AND g.product_id = l.product_id AND g.day >= l.day
            LEFT JOIN first_row f ON f.store_id = g.store_id AND f.product_id = g.product_id
            LEFT JOIN in_state s ON s.store_id = g.store_id AND s.product_id = g.product_id
            GROUP BY g.day ORDER BY g.day
            """).Select(r => new DailyRate(DateOnly.FromDayNumber((int)r[0]!.Value), r[1]))];

    /// <summary>
    /// R1's shipments with their departure and completion: at every UTC hour end, per DC, those formed and not yet
    /// departed (queued shipments in state have not departed), and those on the road.
    /// </summary>
    private static TruckQueueSeries TruckQueue(ReportContext q)
    {
        var dcs = q.Rows("SELECT dc_id FROM dim_distribution_centers ORDER BY dc_id").Select(r => (long)r[0]!.Value).ToList();
        var rows = q.Rows("""
            WITH shipments AS (
                SELECT shipment_id, any_value(dc_id) AS dc_id, any_value(formed_ts) AS formed,
                       min(event_ts) FILTER (WHERE status = 'IN_TRANSIT') AS departed, min(event_ts) FILTER (WHERE status = 'COMPLETED') AS completed
                FROM fact_truck_moves GROUP BY shipment_id
                UNION ALL
                SELECT shipment_id, dc_id, formed_ts, NULL, NULL FROM sim_pending_shipments WHERE status = 'QUEUED'),
            instants AS (SELECT t FROM range(@from + INTERVAL 1 HOUR, @end + INTERVAL 1 HOUR, INTERVAL 1 HOUR) r(t))
            SELECT epoch(i.t), d.dc_id,
                   count(s.shipment_id) FILTER (WHERE s.departed IS NULL OR s.departed > i.t),
                   count(s.shipment_id) FILTER (WHERE s.departed <= i.t AND (s.completed IS NULL OR s.completed > i.t))
            FROM instants i CROSS JOIN dim_distribution_centers d
            LEFT JOIN shipments s ON s.dc_id = d.dc_id AND s.formed <= i.t AND (s.completed IS NULL OR s.completed > i.t)
            GROUP BY ALL ORDER BY 1, 2
            """);
        var index = dcs.Select((dc, i) => (dc, i)).ToDictionary(p => p.dc, p => p.i);
        var samples = rows.GroupBy(r => r[0]!.Value).Select(g =>
        {
            var atDc = new long[dcs.Count];
            var onRoad = 0L;
            foreach (var r in g)
            {
                atDc[index[(long)r[1]!.Value]] = (long)r[2]!.Value;
                onRoad += (long)r[3]!.Value;
            }

            return new TruckQueueSample(DateTime.UnixEpoch.AddSeconds(g.Key), atDc, onRoad);
        });
        return new TruckQueueSeries(dcs, [.. samples]);
    }

    /// <summary>Outbox rows of the range's simulated days by effective status (OutboxStore's rule), plus the sent counts kept after purges.</summary>
    private static List<EventTypeCounts> EventMix(ReportContext q) =>
        [.. q.Labelled($"""
            WITH live AS (
                SELECT o.event_type,
                       count(*) FILTER (WHERE o.status <> 'dead' AND o.outbox_id > r.acked_through) AS pending,
                       count(*) FILTER (WHERE o.status <> 'dead' AND o.outbox_id <= r.acked_through) AS sent,
                       count(*) FILTER (WHERE o.status = 'dead') AS dead
                FROM {DatasetTables.Outbox} o, {DatasetTables.RelayState} r WHERE o.sim_day BETWEEN @from_date AND @to_date GROUP BY ALL),
            purged AS (SELECT event_type, sum(sent) AS sent FROM {DatasetTables.SentStats} WHERE sim_day BETWEEN @from_date AND @to_date GROUP BY ALL)
            SELECT event_type, coalesce(l.pending, 0), coalesce(l.sent, 0) + coalesce(p.sent, 0), coalesce(l.dead, 0)
            FROM live l FULL JOIN purged p USING (event_type)
            ORDER BY coalesce(l.pending, 0) + coalesce(l.sent, 0) + coalesce(p.sent, 0) + coalesce(l.dead, 0) DESC, event_type
            """).Select(r => new EventTypeCounts(r.Label, (long)r.Values[0]!.Value, (long)r.Values[1]!.Value, (long)r.Values[2]!.Value))];

    /// <summary>Cents summed by SQL, as dollars.</summary>
    private static double Money(double? cents) => (double)((decimal)(cents ?? 0) / 100m);

    private static double? Share(double? online, double? store) =>
        (online ?? 0) + (store ?? 0) is var all and > 0 ? (online ?? 0) / all : null;
}
