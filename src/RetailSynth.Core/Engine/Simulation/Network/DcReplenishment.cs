using RetailSynth.Engine.Simulation.Inventory;
using RetailSynth.Engine.Simulation.Planning;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;

namespace RetailSynth.Engine.Simulation.Network;

/// <summary>
/// DC replenishment (data-model §12.4): supplier arrivals with short shipments and the 23:00Z review with 12 days of
/// safety-stocked demand. Both draw from the DC's `dc` stream of the UTC day, arrivals first (in time order), then the review.
/// </summary>
internal sealed partial class NetworkDaySimulator
{
    /// <summary>A supplier line arrives complete with this probability, else short.</summary>
    public const double CompleteArrivalProbability = 0.95;

    private RandomStream?[]? _dcStreams;

    private RandomStream DcStream(int dc)
    {
        _dcStreams ??= new RandomStream?[_world.Dcs.Length];
        return _dcStreams[dc] ??= _world.Random.Stream(
            RandomComponents.DistributionCenter, _day, _world.Dcs[dc].Dc.DcId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The PO line is credited complete with p 0.95, else round(quantity × U(0.5, 0.9)) (≥ 1) units; the rest is cancelled.</summary>
    private void ArriveFromSupplier(SupplierOrder order, FactBatch output)
    {
        var dcIndex = _world.IndexOf(order.DcId);
        var dc = _state.DcStock[dcIndex];
        var p = (int)order.ProductId - 1;
        var delivered = DeliveredQuantity(DcStream(dcIndex), order.Quantity);
        dc.OnOrder[p] -= order.Quantity;
        dc.Move(order.ArrivalTs, p, delivered, InventoryReasons.InboundShipment, order.PoId, output);
    }

    internal static int DeliveredQuantity(RandomStream stream, int ordered) =>
        stream.Bernoulli(CompleteArrivalProbability)
            ? ordered
            : (int)Math.Max(1, Rounding.ToLong(ordered * stream.Uniform(0.5, 0.9)));

    /// <summary>
    /// The 23:00Z DC review: products launched by t + 7 (t = the DC's local date) in product_id order; position ≤ s orders
    /// whole cases up to S on the day's PO, arriving U(2,4) days later at a whole second in 06:00–18:00 DC-local.
    /// </summary>
    private void DcReview(DateTime reviewTs, FactBatch output)
    {
        var products = _world.Products;
        var plan = _world.Replenishment;
        foreach (var dcInfo in _world.Dcs)
        {
            var dc = _state.DcStock[dcInfo.Index];
            var stream = DcStream(dcInfo.Index);
            var poId = $"PO-{_dayKey}-D{dcInfo.Dc.DcId:000}";
            var arrivalDate = _day.AddDays(stream.UniformInt(2, 4));
            var arrival = BusinessDay.LocalToUtc(dcInfo.Zone, arrivalDate, 6 * 60).AddSeconds(stream.UniformInt(0, (12 * 3600) - 1));
            var localDate = BusinessDay.LocalDateOf(dcInfo.Zone, reviewTs);
            var horizon = plan.Demand.Horizon(localDate, ReplenishmentPlan.DcHorizonDays);
            var lines = plan.DcLines[dcInfo.Index];
            var launchedBy = localDate.AddDays(ReplenishmentPlan.DcLaunchLead);
            var seq = 0;
            for (var p = 0; p < products.Count; p++)
            {
                if (!products.IsLaunched(p, launchedBy))
                {
                    continue;
                }

                var casePack = products.CasePack[p];
                var (reorderPoint, orderUpTo) = ReplenishmentPlan.DcLevels(horizon, lines, dc.ForecastFactor[p], casePack, p);
                dc.ReorderPoint[p] = reorderPoint;
                dc.OrderUpTo[p] = orderUpTo;
                var position = dc.Position(p);
                if (position > reorderPoint)
                {
                    continue;
                }

                var quantity = ReplenishmentPlan.OrderQuantity(orderUpTo, position, casePack);
                output.Reorders.Add(new ReorderFact(
                    $"RO-{_dayKey}-D{dcInfo.Dc.DcId:000}-{++seq:0000}", reviewTs, null, dcInfo.Dc.DcId, p + 1L, (int)dc.OnHand[p], (int)position,
                    reorderPoint, quantity, Priorities.ForDeficit(reorderPoint, dc.OnHand[p]), poId));
                dc.OnOrder[p] += quantity;
                _state.SupplierOrders.Add(new SupplierOrder(poId, p + 1L, dcInfo.Dc.DcId, quantity, arrival));
            }
        }
    }
}
