using RetailSynth.Engine.Calendar;
using RetailSynth.Engine.Simulation.Inventory;
using RetailSynth.Engine.Simulation.Planning;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>
/// Phase B for one store over one UTC day (data-model §8–§12): opening and closing, visits, receipts,
/// payments, promotions, BLE, zone changes, foot traffic, inbound credits, cycle counts and the reorder
/// review. It touches only its own random stream and its own stock, so stores run in parallel and the
/// result never depends on the thread count.
/// </summary>
internal sealed partial class StoreDaySimulator
{
    private const int KindOpened = 0;
    private const int KindInbound = 1;
    private const int KindOnlinePick = 2;
    private const int KindReturn = 3;
    private const int KindVisit = 4;
    private const int KindCycleCount = 5;
    private const int KindReview = 6;
    private const int KindClosed = 7;

    private readonly SimulationWorld _world;
    private readonly StoreInfo _store;
    private readonly InventoryLedger _stock;
    private readonly DateOnly _day;
    private readonly string _dayKey;
    private readonly RandomStream _stream;
    private readonly StoreDayCalendar _calendar;
    private readonly BasketCatalog.Cache _catalogs;
    private readonly List<BusinessDay> _businessDays;
    private readonly List<ScheduledReturn> _newReturns = [];
    private readonly List<ScheduledReturn> _knownReturns;
    private readonly IReadOnlyDictionary<string, SaleForReturn> _sales;
    private readonly Dictionary<ReturnPlan.PlannedReturn, string> _returnIds = [];
    private readonly List<PendingConversion> _conversions;
    private readonly ShopperPools _shoppers;

    // One string per store and zone, not one per ping (≈ 320 k pings a day on the large profile).
    private readonly string[] _beacons;
    private readonly string[] _sensors;
    private int _visitSeq;
    private int _returnSeq;
    private int _reorderSeq;

    public StoreDaySimulator(
        SimulationWorld world,
        StoreInfo store,
        InventoryLedger stock,
        DateOnly day,
        StoreDayCalendar calendar,
        BasketCatalog.Cache catalogs,
        IEnumerable<ScheduledReturn> scheduledReturns,
        IReadOnlyDictionary<string, SaleForReturn> sales,
        List<PendingConversion> conversions,
        ShopperPools shoppers)
    {
        _conversions = conversions;
        _shoppers = shoppers;
        _beacons = [.. Enumerable.Range(0, StoreZones.Count).Select(z => StoreZones.Beacon(store.Store.StoreId, z))];
        _sensors = [.. Enumerable.Range(0, StoreZones.Count).Select(z => StoreZones.Sensor(store.Store.StoreId, z))];
        _knownReturns = scheduledReturns.Where(r => r.StoreId == store.Store.StoreId).ToList();
        _sales = sales;
        _world = world;
        _store = store;
        _stock = stock;
        _day = day;
        _dayKey = day.ToString("yyyyMMdd");
        _stream = world.Random.Stream(RandomComponents.Store, day, store.Store.StoreId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _calendar = calendar;
        _catalogs = catalogs;
        _businessDays = BusinessDay.Touching(store, day, world.StartInstant);
    }

    private long StoreId => _store.Store.StoreId;

    /// <summary>Runs hour h: builds the hour's store events, orders them (§8 Phase B order) and applies them.</summary>
    public StoreHourResult RunHour(
        int hour, IReadOnlyList<InboundCredit> credits, IReadOnlyList<Network.StorePick> picks)
    {
        var hourStart = _day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(hour);
        var hourEnd = hourStart.AddHours(1);
        var output = new FactBatch();
        var reorders = new List<OpenReorder>();
        var actions = new List<(DateTime Ts, int Kind, int Order, Action Apply)>();
        bool InHour(DateTime t) => t >= hourStart && t < hourEnd;

        foreach (var business in _businessDays)
        {
            if (InHour(business.Open))
            {
                actions.Add((business.Open, KindOpened, 0, () => output.StoreOps.Add(new StoreOpFact(StoreId, business.Date, StoreOperations.Opened, business.Open))));
            }

            if (InHour(business.ClosedEventTs))
            {
                actions.Add((business.ClosedEventTs, KindClosed, 0, () => output.StoreOps.Add(new StoreOpFact(StoreId, business.Date, StoreOperations.Closed, business.ClosedEventTs))));
            }

            var cycleCount = BusinessDay.LocalToUtc(_store.Zone, business.Date, (23 * 60) + 15);
            if (InHour(cycleCount))
            {
                actions.Add((cycleCount, KindCycleCount, 0, () => CycleCount(cycleCount, output)));
            }

            if (business.Open < hourEnd && business.Close > hourStart)
            {
                var plan = ReturnsOf(business);
                for (var i = 0; i < plan.Count; i++)
                {
                    var planned = plan[i];
                    if (InHour(planned.Ts))
                    {
                        actions.Add((planned.Ts, KindReturn, i, () => ApplyReturn(planned, output)));
                    }

                    if (InHour(planned.Ts.AddSeconds(1)))
                    {
                        actions.Add((planned.Ts.AddSeconds(1), KindReturn, plan.Count + i, () => DisposeReturn(planned, output)));
                    }
                }
            }

            var review = BusinessDay.LocalToUtc(_store.Zone, business.Date, (23 * 60) + 30);
            if (InHour(review))
            {
                actions.Add((review, KindReview, 0, () => Review(review, business.Date, output, reorders)));
            }
        }

        for (var i = 0; i < credits.Count; i++)
        {
            var credit = credits[i];
            actions.Add((credit.Ts, KindInbound, i, () => ApplyInbound(credit, output)));
        }

        for (var i = 0; i < picks.Count; i++)
        {
            var pick = picks[i];
            actions.Add((pick.Ts, KindOnlinePick, i, () => ApplyPick(pick, output)));
        }

        var visits = PlanSlots(hourStart, hourEnd, output);
        visits.Sort((a, b) => a.ReceiptTs != b.ReceiptTs ? a.ReceiptTs.CompareTo(b.ReceiptTs) : a.Order.CompareTo(b.Order));
        foreach (var visit in visits)
        {
            actions.Add((visit.ReceiptTs, KindVisit, visit.Order, () => ApplyVisit(visit, output)));
        }

        actions.Sort((a, b) => a.Ts != b.Ts ? a.Ts.CompareTo(b.Ts) : a.Kind != b.Kind ? a.Kind.CompareTo(b.Kind) : a.Order.CompareTo(b.Order));
        foreach (var action in actions)
        {
            action.Apply();
        }

        var returns = new List<ScheduledReturn>(_newReturns);
        _newReturns.Clear();
        return new StoreHourResult(output, reorders, returns);
    }

    private void ApplyInbound(InboundCredit credit, FactBatch output)
    {
        foreach (var (productId, quantity) in credit.Lines)
        {
            var p = (int)productId - 1;
            _stock.OnOrder[p] -= quantity;
            _stock.Move(credit.Ts, p, quantity, InventoryReasons.InboundShipment, credit.ShipmentId, output);
        }
    }

    private void ApplyPick(Network.StorePick pick, FactBatch output)
    {
        foreach (var (productId, quantity) in pick.Lines.OrderBy(l => l.ProductId))
        {
            var p = (int)productId - 1;
            _stock.Reserved[p] -= quantity;
            _stock.Move(pick.Ts, p, -quantity, InventoryReasons.Sale, pick.OrderIdExt, output);
        }
    }

    /// <summary>Cycle count (§12.2): p 0.10 per business date, U(1,3) products, delta never touching reserved units.</summary>
    private void CycleCount(DateTime ts, FactBatch output)
    {
        if (!_stream.Bernoulli(0.10))
        {
            return;
        }

        var count = _stream.UniformInt(1, 3);
        for (var k = 0; k < count; k++)
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                var p = _stream.UniformInt(0, _world.Products.Count - 1);
                var sellable = _stock.Sellable(p);
                if (sellable <= 0)
                {
                    continue;
                }

                var magnitude = _stream.UniformInt(1, 5);
                var delta = _stream.Bernoulli(0.5) ? magnitude : -magnitude;
                delta = (int)Math.Max(delta, -sellable);
                _stock.Move(ts, p, delta, InventoryReasons.Adjustment, "CYCLE_COUNT", output);
                break;
            }
        }
    }

    /// <summary>
    /// The 23:30 local review (§12.4): products launched by t + 2 in product_id order get s and S from the expected demand
    /// of the next days; a position ≤ s orders whole cases up to S from the store's assigned DC, unless overlooked
    /// (p 0.40) outside peak readiness.
    /// </summary>
    private void Review(DateTime ts, DateOnly businessDate, FactBatch output, List<OpenReorder> reorders)
    {
        var products = _world.Products;
        var plan = _world.Replenishment;
        var horizon = plan.Demand.Horizon(businessDate, ReplenishmentPlan.StoreHorizonDays);
        var lines = plan.StoreLines[_store.Index];
        var peakReadiness = horizon.PeakWithin(ReplenishmentPlan.StoreHorizonDays, ReplenishmentPlan.PeakDayFactor);
        var launchedBy = businessDate.AddDays(ReplenishmentPlan.StoreLaunchLead);
        var dcId = _store.Store.NearestDcId;
        for (var p = 0; p < products.Count; p++)
        {
            if (!products.IsLaunched(p, launchedBy))
            {
                continue;
            }

            var casePack = products.CasePack[p];
            var (reorderPoint, orderUpTo) = ReplenishmentPlan.StoreLevels(horizon, lines, _stock.ForecastFactor[p], casePack, p);
            _stock.ReorderPoint[p] = reorderPoint;
            _stock.OrderUpTo[p] = orderUpTo;
            var position = _stock.Position(p);
            if (position > reorderPoint || ReplenishmentPlan.Overlooked(_stream, peakReadiness))
            {
                continue;
            }

            var quantity = ReplenishmentPlan.OrderQuantity(orderUpTo, position, casePack);
            var priority = Priorities.ForDeficit(reorderPoint, _stock.OnHand[p]);
            var reorderId = $"RO-{_dayKey}-S{StoreId:000}-{++_reorderSeq:0000}";
            output.Reorders.Add(new ReorderFact(
                reorderId, ts, StoreId, dcId, p + 1L, (int)_stock.OnHand[p], (int)position, reorderPoint, quantity, priority, null));
            reorders.Add(new OpenReorder(reorderId, StoreId, dcId, p + 1L, quantity, priority, ts));
        }
    }
}

/// <summary>A shipment completing at a store: credited in Phase B at COMPLETED + 1 ms (§12.2).</summary>
internal sealed record InboundCredit(DateTime Ts, string ShipmentId, IReadOnlyList<(long ProductId, int Quantity)> Lines);

internal sealed record StoreHourResult(FactBatch Facts, List<OpenReorder> Reorders, List<ScheduledReturn> ScheduledReturns);
