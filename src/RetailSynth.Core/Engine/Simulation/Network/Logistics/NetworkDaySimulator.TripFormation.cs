using RetailSynth.Engine.Simulation.State;

namespace RetailSynth.Engine.Simulation.Network;

internal sealed partial class NetworkDaySimulator
{
    /// <summary>A route forms a trip when its pool fills 80 % of a truck …</summary>
    public const double TripFillThreshold = 0.80;

    /// <summary>… or its oldest pooled line has waited this long (§13.1).</summary>
    public static readonly TimeSpan OldestLineThreshold = TimeSpan.FromHours(30);

    /// <summary>
    /// §13.1 trip formation at the start of each hour, routes in route_id order: a route without a QUEUED trip forms one
    /// while its pool holds ≥ 80 % of a truck or a line pooled ≥ 30 h ago; each formed trip is offered a truck at once.
    /// </summary>
    private void FormTrips(DateTime hourStart, FactBatch output)
    {
        var capacity = _world.Options.TruckCapacityUnits;
        var poolsByRoute = _state.PooledLines.GroupBy(l => l.RouteId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        foreach (var route in _world.Routes)
        {
            if (!poolsByRoute.TryGetValue(route.RouteId, out var pool))
            {
                continue;
            }

            while (!_state.Trips.Any(t => t.Status == TripStatus.Queued && t.RouteId == route.RouteId) && ShouldForm(pool, hourStart, capacity))
            {
                FormTrip(route, pool, hourStart, capacity);
                AssignTrucks(hourStart, output);
            }
        }

        _state.PooledLines.RemoveAll(l => l.Allocated == 0);
    }

    private static bool ShouldForm(List<PooledLine> pool, DateTime hourStart, int capacity)
    {
        long units = 0;
        var oldest = DateTime.MaxValue;
        foreach (var line in pool)
        {
            if (line.Allocated > 0)
            {
                units += line.Allocated;
                oldest = line.PooledTs < oldest ? line.PooledTs : oldest;
            }
        }

        return units >= TripFillThreshold * capacity || (units > 0 && hourStart - oldest >= OldestLineThreshold);
    }

    /// <summary>
    /// Takes pooled lines in (priority, pooled_ts, route_stop_seq, product_id) order up to a truckload, splitting the line
    /// that does not fit; each visited stop becomes one shipment, stops in route order.
    /// </summary>
    private void FormTrip(DeliveryRoute route, List<PooledLine> pool, DateTime formedTs, int capacity)
    {
        var taken = new List<(PooledLine Line, int Quantity)>();
        var units = 0;
        foreach (var line in pool
            .Where(l => l.Allocated > 0)
            .OrderBy(l => Priorities.Rank(l.Priority)).ThenBy(l => l.PooledTs)
            .ThenBy(l => _world.Stores[_world.IndexOf(l.StoreId)].Store.RouteStopSeq).ThenBy(l => l.ProductId).ThenBy(l => l.ReorderId, StringComparer.Ordinal)
            .ToList())
        {
            var take = Math.Min(line.Allocated, capacity - units);
            if (take == 0)
            {
                break;
            }

            line.Allocated -= take;
            units += take;
            taken.Add((line, take));
        }

        pool.RemoveAll(l => l.Allocated == 0);
        var tripId = $"TRP-{_dayKey}-{_world.Region.Sequence(++_tripSeq):00000}";
        short stopSeq = 0;
        var tripPriority = Priorities.Normal;
        foreach (var stop in taken.GroupBy(t => t.Line.StoreId).OrderBy(g => _world.Stores[_world.IndexOf(g.Key)].Store.RouteStopSeq))
        {
            var priority = stop.MinBy(t => Priorities.Rank(t.Line.Priority)).Line.Priority;
            tripPriority = Priorities.Rank(priority) < Priorities.Rank(tripPriority) ? priority : tripPriority;
            var lines = stop.GroupBy(t => t.Line.ProductId).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(t => t.Quantity))).ToList();
            _state.Shipments.Add(new PendingShipment
            {
                ShipmentId = $"SHP-{_dayKey}-{_world.Region.Sequence(++_shipmentSeq):00000}",
                TripId = tripId,
                StopSeq = ++stopSeq,
                DcId = route.DcId,
                StoreId = stop.Key,
                TemperatureClass = lines.Any(l => _world.Products.Refrigerated[l.Key - 1]) ? "CHILLED" : "AMBIENT",
                Priority = priority,
                Units = lines.Sum(l => l.Item2),
                FormedTs = formedTs,
                Lines = lines,
            });
        }

        _state.Trips.Add(new Trip
        {
            TripId = tripId,
            DcId = route.DcId,
            RouteId = route.RouteId,
            FormedTs = formedTs,
            Units = units,
            Priority = tripPriority,
        });
    }
}
