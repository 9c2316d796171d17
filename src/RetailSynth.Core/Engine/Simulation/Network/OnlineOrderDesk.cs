using RetailSynth.Engine.Calendar;
using RetailSynth.Engine.Simulation.Inventory;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Network;

/// <summary>
/// Online orders (§15): the day's plan at hour 00 (conversion orders plus random ones), then each order
/// created in its hour — basket, node, reservation, promotion, tax and payment attempts — with every
/// later transition instant fixed at creation and kept in <see cref="OpenOrder"/> state.
/// </summary>
internal sealed class OnlineOrderDesk(SimulationWorld world, SimulationState state, DateOnly day, RandomStream stream, BasketCatalog.Cache catalogs)
{
    private static readonly string[] s_tenders = [Tenders.Credit, Tenders.Debit, Tenders.PayPal, Tenders.Other];
    private readonly string _dayKey = day.ToString("yyyyMMdd");
    private readonly int[][] _dcSearchOrders = DcSearchOrders(world);

    public sealed record PlannedOrder(int Seq, DateTime CreatedTs, int Customer, PendingConversion? Conversion);

    /// <summary>A return scheduled at a store for a delivered order, with the order's lines for the store to copy.</summary>
    public sealed record OnlineReturn(ScheduledReturn Scheduled, SaleForReturn Order);

    /// <summary>
    /// §15 plan: k conversion orders due today (one due ≥ 23:59 moves to 00:00 next day), then max(0, N − k) random
    /// orders, each by a customer ACTIVE on the day drawn with weight activity (none when nobody is active).
    /// </summary>
    public List<PlannedOrder> Plan(IReadOnlyList<PendingConversion> dueOnline, ShopperPools shoppers)
    {
        var dayStart = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var n = stream.Poisson(world.Options.OnlineOrdersPerDay * DayFactors.OnlineDay(day));
        var entries = dueOnline
            .Select(c => (Created: c.DueTs < dayStart ? dayStart : c.DueTs, Conversion: (PendingConversion?)c, Customer: world.IndexOf(c.CustomerId), Draw: 0))
            .ToList();
        for (var i = 0; i < n - dueOnline.Count; i++)
        {
            var created = dayStart.AddSeconds(stream.UniformInt(0, (23 * 3600) + (59 * 60) - 1));
            var customer = shoppers.DrawActiveByActivity(stream);
            if (customer >= 0)
            {
                entries.Add((created, null, customer, i + 1));
            }
        }

        return entries
            .OrderBy(e => e.Created).ThenBy(e => e.Conversion is null).ThenBy(e => e.Conversion?.JourneyId, StringComparer.Ordinal).ThenBy(e => e.Draw)
            .Select((e, i) => new PlannedOrder(i + 1, e.Created, e.Customer, e.Conversion))
            .ToList();
    }

    /// <summary>Creates one order at its time; returns the open order (null if no line could be served).</summary>
    public OpenOrder? Create(PlannedOrder planned, FactBatch output)
    {
        var customer = world.Customers.Rows[planned.Customer];
        var segment = world.Customers.Segment[planned.Customer];
        var lines = DrawBasket(customer.CustomerId, segment, planned.CreatedTs);
        var (mode, nodeType, node, served) = ChooseNode(customer, FulfillmentModes.All[stream.Categorical([0.6, 0.3, 0.1])], lines);
        if (served.Count == 0)
        {
            return null;
        }

        var orderId = $"ONL-{_dayKey}-{world.Region.Sequence(planned.Seq):000000}";
        var ledger = nodeType == "STORE" ? state.StoreStock[node] : state.DcStock[node];
        foreach (var (product, quantity) in served)
        {
            ledger.Reserved[product] += quantity;
        }

        var rateE5 = mode == "BOPIS" ? world.Stores[node].Store.TaxRateE5 : world.GeographyTaxRateE5[world.IndexOf(customer.GeographyId)];
        var promoRate = stream.Uniform(0.10, 0.30);
        var (code, percent) = stream.Categorical([0.50, 0.35, 0.15]) switch { 0 => ("PROMO5", 5), 1 => ("PROMO10", 10), _ => ("PROMO20", 20) };
        var orderNode = new FulfillmentNode(nodeType, nodeType == "STORE" ? world.Stores[node].Store.StoreId : world.Dcs[node].Dc.DcId);
        var money = new LineMoney[served.Count];
        for (var i = 0; i < served.Count; i++)
        {
            var (product, quantity) = served[i];
            var unit = world.Products.SaleCents[product];
            var gross = unit * quantity;
            var discounted = stream.Bernoulli(promoRate);
            var discount = discounted ? Rounding.Divide(gross * percent, 100) : 0;
            var net = gross - discount;
            money[i] = new LineMoney(gross, discount, net, Rounding.Divide(net * rateE5 * world.Products.TaxMultiplier[product], 10_000_000));
            output.OnlineOrderLines.Add(new OnlineOrderLineFact(orderId, i + 1, planned.CreatedTs, product + 1L, quantity, unit, money[i], discount > 0 ? code : null)
            {
                OrderNode = orderNode,
            });
        }

        var total = Money.Sum(money);
        var conversion = planned.Conversion;
        var correlation = conversion?.JourneyId;
        var nodeId = orderNode.NodeId;
        var tender = s_tenders[stream.Categorical([0.60, 0.25, 0.10, 0.05])];
        output.OnlineOrderHeaders.Add(new OnlineOrderHeaderFact(
            orderId, planned.CreatedTs, customer.CustomerId, mode, nodeType, nodeId, served.Sum(l => l.Quantity), served.Count, total, rateE5, tender,
            conversion?.CampaignId, conversion?.ImpressionIdExt, correlation));

        // Up to two attempts with the same tender; two declines cancel the order one second later.
        var attemptStart = planned.CreatedTs;
        var attempt = 0;
        var approved = false;
        DateTime lastEvent = planned.CreatedTs;
        while (!approved && attempt < 2)
        {
            attempt++;
            var declined = stream.Bernoulli(Tenders.DeclineProbability(tender));
            var reason = declined ? Tenders.DeclineReasons[stream.UniformInt(0, Tenders.DeclineReasons.Count - 1)] : null;
            var ms = Tenders.ProcessingMs(stream, tender);
            lastEvent = attemptStart.AddMilliseconds(ms);
            output.Payments.Add(new PaymentFact($"TXN-{orderId}-{attempt}", lastEvent, null, orderId, null, customer.CustomerId, attempt, tender,
                declined ? Tenders.Declined : Tenders.Approved, reason, total.TotalCents, ms, correlation)
            {
                OrderNode = orderNode,
            });
            approved = !declined;
            attemptStart = lastEvent.AddSeconds(stream.UniformInt(5, 30));
        }

        var lifecycle = Lifecycle(mode, nodeType == "STORE" ? world.Stores[node] : null, planned.CreatedTs);
        DateTime? cancel = null;
        if (!approved)
        {
            cancel = WholeSecond(lastEvent).AddSeconds(1);
        }
        else if (stream.Bernoulli(0.02))
        {
            var customerCancel = planned.CreatedTs.AddSeconds(stream.UniformInt(5 * 60, 60 * 60));
            cancel = customerCancel < lifecycle.Picked ? customerCancel : null;
        }

        return new OpenOrder
        {
            OrderIdExt = orderId,
            FulfillmentMode = mode,
            NodeType = nodeType,
            NodeId = nodeId,
            CorrelationId = correlation,
            PickedTs = lifecycle.Picked,
            ShippedTs = lifecycle.Shipped,
            DeliveredTs = lifecycle.Delivered,
            CancelTs = cancel,
            NextStatus = cancel is null ? OrderStatus.Picked : OrderStatus.Cancelled,
            CustomerId = customer.CustomerId,
            TotalCents = approved ? total.TotalCents : 0,
            Tender = tender,
            LastAttempt = attempt,
            Lines = [.. served.Select(l => (l.Product + 1L, l.Quantity))],
            CreatedTs = planned.CreatedTs,
            SoldLines = [.. served.Select((l, i) => new SoldLine(i + 1, l.Product + 1L, l.Quantity, world.Products.SaleCents[l.Product], money[i]))],
        };
    }

    /// <summary>
    /// §11 online return decision at DELIVERED: each line in line_num order with min(0.5, p_line × 3) (Grocery × 1.5), × 1.5
    /// off Grocery in the gift season of the creation date; the chosen lines come back at the customer's primary store
    /// (BOPIS: the pickup store) on a local date after that store's date of the DELIVERED instant. Null: nothing returned.
    /// </summary>
    public OnlineReturn? DecideReturn(OpenOrder order, DateTime delivered)
    {
        var created = DateOnly.FromDateTime(order.CreatedTs);
        List<int>? chosen = null;
        foreach (var line in order.SoldLines)
        {
            if (stream.Bernoulli(world.ReturnRates.OnlineLine((int)line.ProductId - 1, created)))
            {
                (chosen ??= []).Add(line.LineNum);
            }
        }

        if (chosen is null)
        {
            return null;
        }

        var storeId = order.FulfillmentMode == "BOPIS" ? order.NodeId : world.Customers.Rows[world.IndexOf(order.CustomerId)].PrimaryStoreId;
        var store = world.Stores[world.IndexOf(storeId)];
        var giftYear = SeasonalWindows.GiftSeason(created) ? created.Year : (int?)null;
        var date = ReturnDates.Draw(stream, BusinessDay.LocalDateOf(store.Zone, delivered), giftYear);
        return new OnlineReturn(
            new ScheduledReturn(order.OrderIdExt, storeId, order.CustomerId, date, chosen),
            new SaleForReturn(order.OrderIdExt, order.Tender, order.SoldLines));
    }

    /// <summary>Processing time of a refund, drawn when the cancellation is written.</summary>
    public int RefundProcessingMs(string tender) => Tenders.ProcessingMs(stream, tender);

    /// <summary>
    /// §15 basket: the §10.2 engine with the customer's segment on the customer's home local date at creation, trip type
    /// by the online weights, the trip's line range without a store-format factor.
    /// </summary>
    internal List<(int Product, int Quantity)> DrawBasket(long customerId, int segment, DateTime createdTs)
    {
        var homeDate = BusinessDay.LocalDateOf(world.NodeZones.Zones[world.NodeZones.CustomerZone(customerId)], createdTs);
        var trip = stream.Categorical(BasketRules.OnlineTripWeights);
        var lineCount = BasketDraw.LineCount(stream, BasketRules.LineCount(trip), 1.0, homeDate);
        return BasketDraw.Lines(stream, catalogs.For(homeDate), world.Products.SaleCents, trip, segment, lineCount);
    }

    /// <summary>
    /// For each DC index, the §15 SHIP_FROM_DC search order of a customer whose DC it is: that DC, then the others in
    /// ascending stored road miles from it (<c>road_miles_to_dcs</c>, §6.2), ties by dc_id.
    /// </summary>
    internal static int[][] DcSearchOrders(SimulationWorld world) =>
    [
        .. Enumerable.Range(0, world.Dcs.Length).Select(home =>
        {
            var miles = world.Dcs[home].Dc.RoadMilesToDcs;
            return (int[])[home, .. Enumerable.Range(0, world.Dcs.Length).Where(d => d != home).OrderBy(d => miles[d]).ThenBy(d => d)];
        }),
    ];

    /// <summary>
    /// §15 Node: for store modes the primary then secondary store with 2 spare units per line; otherwise (or if neither
    /// can) the customer's DC — its primary store's assigned DC — then the other DCs by road miles from it, the first
    /// covering every line; if none does, the customer's DC with the lines it covers.
    /// </summary>
    /// <remarks>A store mode that no store can serve becomes SHIP_FROM_DC.</remarks>
    internal (string Mode, string NodeType, int Node, List<(int Product, int Quantity)> Lines) ChooseNode(
        Customer customer, string mode, List<(int Product, int Quantity)> lines)
    {
        if (mode != "SHIP_FROM_DC")
        {
            foreach (var storeId in new[] { customer.PrimaryStoreId, customer.SecondaryStoreId })
            {
                if (storeId is { } id && lines.TrueForAll(l => state.StoreStock[world.IndexOf(id)].Sellable(l.Product) >= l.Quantity + 2))
                {
                    return (mode, NodeTypes.Store, world.IndexOf(id), lines);
                }
            }
        }

        var dcOrder = _dcSearchOrders[world.IndexOf(world.Stores[world.IndexOf(customer.PrimaryStoreId)].Store.NearestDcId)];
        foreach (var dc in dcOrder)
        {
            if (lines.TrueForAll(l => state.DcStock[dc].Sellable(l.Product) >= l.Quantity))
            {
                return (FulfillmentModes.ShipFromDc, NodeTypes.Dc, dc, lines);
            }
        }

        var nearest = dcOrder[0];
        return (FulfillmentModes.ShipFromDc, NodeTypes.Dc, nearest, lines.Where(l => state.DcStock[nearest].Sellable(l.Product) >= l.Quantity).ToList());
    }

    private sealed record Timeline(DateTime Picked, DateTime? Shipped, DateTime Delivered);

    /// <summary>Lifecycle instants (whole seconds) with f = clamp(0.8 + 0.6 × m_D, 1, 2).</summary>
    private Timeline Lifecycle(string mode, StoreInfo? store, DateTime created)
    {
        var f = Math.Clamp(0.8 + (0.6 * DayFactors.Base(day)), 1, 2);
        if (mode == "BOPIS")
        {
            var p = Hours(Math.Max(4, stream.Triangular(4, 12, 24) * f));
            var picked = IntoOpeningHours(store!, created + (p / 2));
            var delivered = Max(created + p, picked.AddMinutes(30));
            if (!IsOpen(store!, delivered))
            {
                delivered = Max(IntoOpeningHours(store!, delivered), picked.AddMinutes(30));
            }

            return new Timeline(picked, null, delivered);
        }

        var s = Hours(stream.Triangular(8, 18, 48) * f);
        var pickDelay = TimeSpan.FromSeconds(Math.Min(stream.UniformInt(30 * 60, 240 * 60), (s - TimeSpan.FromMinutes(30)).TotalSeconds));
        var pickedAt = WholeSecond(created + pickDelay);
        if (mode == "SHIP_FROM_DC")
        {
            var shipped = created + s;
            return new Timeline(pickedAt, shipped, shipped + Hours(stream.Uniform(24, 72) * f));
        }

        pickedAt = IntoOpeningHours(store!, pickedAt);
        var shippedFromStore = Max(created + s, pickedAt.AddMinutes(30));
        return new Timeline(pickedAt, shippedFromStore, shippedFromStore + Hours(stream.Uniform(20, 28) * f));
    }

    /// <summary>An instant inside the store's open interval: itself, or the next opening + U(0,60) min.</summary>
    private DateTime IntoOpeningHours(StoreInfo store, DateTime t)
    {
        if (IsOpen(store, t))
        {
            return t;
        }

        var date = BusinessDay.LocalDateOf(store.Zone, t).AddDays(-1);
        for (var i = 0; i < 4; i++, date = date.AddDays(1))
        {
            var open = BusinessDay.LocalToUtc(store.Zone, date, store.Store.OpenMinute);
            if (open > t && open >= world.StartInstant && !Holidays.StoresClosed(date))
            {
                return open.AddSeconds(stream.UniformInt(0, 3600));
            }
        }

        throw new InvalidOperationException($"Store {store.Store.StoreId} has no opening after {t:O}.");
    }

    /// <summary>Inside an open business day; days opening before the start instant never happened (§2.2 First day).</summary>
    private bool IsOpen(StoreInfo store, DateTime t)
    {
        var date = BusinessDay.LocalDateOf(store.Zone, t);
        for (var d = date.AddDays(-1); d <= date; d = d.AddDays(1))
        {
            var open = BusinessDay.LocalToUtc(store.Zone, d, store.Store.OpenMinute);
            if (!Holidays.StoresClosed(d)
                && open >= world.StartInstant
                && t >= open
                && t < BusinessDay.LocalToUtc(store.Zone, d, store.Store.CloseMinute))
            {
                return true;
            }
        }

        return false;
    }

    private static TimeSpan Hours(double hours) => TimeSpan.FromSeconds(Rounding.ToLong(hours * 3600));

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime WholeSecond(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
}
