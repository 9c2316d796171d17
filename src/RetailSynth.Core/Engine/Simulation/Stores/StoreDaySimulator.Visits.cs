using RetailSynth.Engine.Calendar;
using RetailSynth.Engine.Simulation.Inventory;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>Visits: slot volumes (§9.3), who shops (§10.1), baskets (§10.2), paths and sensors (§10.4, §10.5).</summary>
internal sealed partial class StoreDaySimulator
{
    /// <summary>Visits last under 55 minutes (§10.4); longer draws are scaled down to this many seconds.</summary>
    private const int MaxVisitSeconds = 54 * 60;

    /// <summary>Identified buyers who come from a neighbouring trade area (§10.1).</summary>
    private const double NeighborVisitorShare = 0.04;

    /// <summary>Visitors without the store app detected as an anonymous device (§10.4).</summary>
    private const double AnonymousDeviceShare = 0.45;

    /// <summary>An EXPRESS basket's lines, whatever the trip type (§10.2).</summary>
    private static readonly (int Min, int Max) s_expressLineCount = (1, 3);

    private List<PlannedVisit> PlanSlots(DateTime hourStart, DateTime hourEnd, FactBatch output)
    {
        var visits = new List<PlannedVisit>();
        foreach (var business in _businessDays)
        {
            var slotStart = business.Open > hourStart ? business.Open : hourStart;
            var slotEnd = business.Close < hourEnd ? business.Close : hourEnd;
            if (slotStart >= slotEnd)
            {
                continue;
            }

            var localHour = BusinessDay.LocalHourOf(_store.Zone, slotStart);
            var weekend = DayFactors.IsWeekend(business.Date);
            var dayFactor = _calendar.DayFactor(_store.Store.GeographyId, business.Date);
            var lambda = _world.Options.CustomersPerStoreDay * _store.Store.DailyTrafficMultiplier * dayFactor
                * HourlyCurve.Traffic(localHour, weekend) / HourlyCurve.ReferenceSum(weekend) * ((slotEnd - slotStart).TotalMinutes / 60.0);
            var conversionRate = HourlyCurve.ConversionRate(_store.Store.StoreFormat, localHour, weekend);
            var buyers = _stream.Poisson(lambda);
            var browsers = _stream.Poisson(lambda * (1 - conversionRate) / conversionRate);

            var slotVisits = new List<PlannedVisit>();
            var catalog = _catalogs.For(business.Date);

            // Due STORE conversions take the first buyer places of the slot (§10.1, §14.3); expired ones are dropped.
            _conversions.RemoveAll(c => c.ExpiresTs <= slotStart);
            var due = buyers == 0 ? [] : _conversions.Where(c => c.DueTs < slotEnd).Take((int)buyers).ToList();
            for (var i = 0; i < buyers; i++)
            {
                var conversion = i < due.Count ? due[i] : null;
                var visit = PlanBuyer(visits.Count + slotVisits.Count, slotStart, slotEnd, business.Date, catalog, conversion);
                if (visit is null && conversion is not null)
                {
                    // The conversion's entry range is empty here: it moves to the next eligible slot; this place is an ordinary buyer.
                    visit = PlanBuyer(visits.Count + slotVisits.Count, slotStart, slotEnd, business.Date, catalog, null);
                }
                else if (conversion is not null)
                {
                    _conversions.Remove(conversion);
                }

                if (visit is not null)
                {
                    slotVisits.Add(visit);
                }
            }

            for (var i = 0; i < browsers; i++)
            {
                if (PlanBrowser(visits.Count + slotVisits.Count, slotStart, slotEnd, business.Date) is { } visit)
                {
                    slotVisits.Add(visit);
                }
            }

            WriteFootTraffic(slotStart, slotVisits, output);
            visits.AddRange(slotVisits.Where(v => v.Buyer));
        }

        return visits;
    }

    private PlannedVisit? PlanBuyer(
        int order, DateTime slotStart, DateTime slotEnd, DateOnly date, BasketCatalog catalog, State.PendingConversion? conversion)
    {
        var customer = conversion is null ? DrawCustomer() : _world.IndexOf(conversion.CustomerId);

        // The anonymous shopper's segment is drawn for the visit with the population weights (§10.1).
        var segment = customer == CustomerTable.AnonymousIndex
            ? _stream.Categorical(ShopperSegments.Weights)
            : _world.Customers.Segment[customer];
        var trip = _stream.Categorical(BasketRules.TripWeights(segment));
        var lines = DrawBasket(trip, segment, date, catalog);

        var zones = new List<int>();
        foreach (var zone in StoreZones.Layout)
        {
            if (HasZone(lines, zone))
            {
                zones.Add(zone);
            }
        }

        if (_stream.Bernoulli(0.3))
        {
            var unused = StoreZones.Layout.Where(z => !zones.Contains(z)).ToList();
            if (unused.Count > 0)
            {
                var extra = unused[_stream.UniformInt(0, unused.Count - 1)];
                zones.Insert(_stream.UniformInt(0, zones.Count), extra);
            }
        }

        var path = new List<int>(zones.Count + 2) { DrawEntrance() };
        path.AddRange(zones);
        path.Add(StoreZones.Checkout);
        var dwell = DrawDwell(path);
        var earliest = conversion is not null && conversion.DueTs > slotStart ? conversion.DueTs : slotStart;
        if (DrawEntry(earliest, slotEnd, dwell) is not { } entry)
        {
            return null;
        }

        // Known device with the store app; anyone else (the anonymous shopper too) is an anonymous device with p 0.45 (§10.4).
        var detection = customer != CustomerTable.AnonymousIndex && _world.Customers.BleOptIn[customer] ? 1
            : _stream.Bernoulli(AnonymousDeviceShare) ? 2 : 0;
        var visit = new PlannedVisit
        {
            Order = order,
            Buyer = true,
            Customer = customer,
            Segment = segment,
            Lines = lines,
            Path = [.. path],
            Dwell = dwell,
            Entry = entry,
            SlotStart = slotStart,
            BusinessDate = date,
            Detection = detection,
            Conversion = conversion,
        };
        if (detection != 0)
        {
            DrawPings(visit);
        }

        return visit;
    }

    /// <summary>Non-buying visitors (§10.4): an entrance, 1–2 zones by QUICK_TRIP shares, no checkout, no pings.</summary>
    private PlannedVisit? PlanBrowser(int order, DateTime slotStart, DateTime slotEnd, DateOnly date)
    {
        var path = new List<int> { DrawEntrance() };
        var weights = (double[])_world.Products.NonBuyerZoneWeights.Clone();
        var count = _stream.UniformInt(1, 2);
        for (var k = 0; k < count; k++)
        {
            var zone = _stream.Categorical(weights);
            path.Add(zone);
            weights[zone] = 0;
        }

        var dwell = DrawDwell(path);
        return DrawEntry(slotStart, slotEnd, dwell) is { } entry
            ? new PlannedVisit { Order = order, Buyer = false, Path = [.. path], Dwell = dwell, Entry = entry, SlotStart = slotStart, BusinessDate = date }
            : null;
    }

    /// <summary>
    /// Who shops (§10.1), after due STORE conversions: with p AnonymousShare the anonymous shopper; else with p 0.04 a
    /// visitor from a neighbouring store's pool (by pool weight × mobility propensity); else a customer of this store's
    /// pool of the day. An empty neighbour pool falls through to this store's pool, an empty pool to the anonymous shopper.
    /// </summary>
    private int DrawCustomer()
    {
        if (_stream.Bernoulli(_world.Options.AnonymousShare))
        {
            return CustomerTable.AnonymousIndex;
        }

        var neighbors = _store.Store.NeighborStoreIds;
        if (_stream.Bernoulli(NeighborVisitorShare) && neighbors.Count > 0)
        {
            var neighbor = _world.IndexOf(neighbors[_stream.UniformInt(0, neighbors.Count - 1)]);
            var visitor = _shoppers.DrawVisitor(neighbor, _stream);
            if (visitor >= 0)
            {
                return visitor;
            }
        }

        var customer = _shoppers.DrawFromPool(_store.Index, _stream);
        return customer >= 0 ? customer : CustomerTable.AnonymousIndex;
    }

    /// <summary>§10.2 basket: EXPRESS always U(1,3) lines, other formats the trip's range × the format factor.</summary>
    private List<(int Product, int Quantity)> DrawBasket(int trip, int segment, DateOnly date, BasketCatalog catalog)
    {
        var format = _store.Store.StoreFormat;
        var lineCount = format == StoreFormats.Express
            ? BasketDraw.LineCount(_stream, s_expressLineCount, 1.0, date)
            : BasketDraw.LineCount(_stream, BasketRules.LineCount(trip), BasketRules.FormatLineFactor(format), date);
        return BasketDraw.Lines(_stream, catalog, _world.Products.SaleCents, trip, segment, lineCount);
    }

    private int DrawEntrance() =>
        _stream.Bernoulli(BasketRules.MainEntranceShare(_store.Store.StoreFormat)) ? StoreZones.EntranceMain : StoreZones.EntranceSide;

    private int[] DrawDwell(List<int> path)
    {
        var dwell = new int[path.Count];
        var total = 0;
        for (var i = 0; i < path.Count; i++)
        {
            var (min, max) = StoreZones.Dwell(path[i]);
            dwell[i] = _stream.UniformInt(min, max);
            total += dwell[i];
        }

        if (total > MaxVisitSeconds)
        {
            for (var i = 0; i < dwell.Length; i++)
            {
                dwell[i] = Math.Max(1, dwell[i] * MaxVisitSeconds / total);
            }
        }

        return dwell;
    }

    /// <summary>Entry t_e ~ U[earliest, slot end − L − 60 s) in whole seconds; null if that range is empty.</summary>
    private DateTime? DrawEntry(DateTime earliest, DateTime slotEnd, int[] dwell)
    {
        var start = earliest.Ticks % TimeSpan.TicksPerSecond == 0 ? earliest : new DateTime(earliest.Ticks - (earliest.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc).AddSeconds(1);
        var latest = (long)(slotEnd - start).TotalSeconds - dwell.Sum() - 60;
        return latest <= 0 ? null : start.AddSeconds(_stream.UniformInt(0L, latest - 1));
    }

    private void DrawPings(PlannedVisit visit)
    {
        var factor = BasketRules.PingFormatFactor(_store.Store.StoreFormat) * Math.Clamp(_store.Store.DailyTrafficMultiplier, 0.6, 1.8);
        for (var i = 0; i < visit.Path.Length; i++)
        {
            var zone = visit.Path[i];
            var basePings = zone is StoreZones.EntranceMain or StoreZones.EntranceSide or StoreZones.Checkout
                ? _stream.UniformInt(1, 2)
                : _stream.UniformInt(2, 5);
            var count = (int)Math.Max(1, Rounding.ToLong(basePings * factor));
            var start = visit.ZoneStart(i);
            var times = new DateTime[count];
            for (var k = 0; k < count; k++)
            {
                times[k] = start.AddSeconds(_stream.UniformInt(0, visit.Dwell[i] - 1));
            }

            Array.Sort(times);
            foreach (var t in times)
            {
                visit.Pings.Add((zone, t, _stream.UniformInt(-80, -30)));
            }
        }
    }

    /// <summary>Foot traffic (§10.5): per slot and zone, visitors entering it and their mean dwell; zero rows are not written.</summary>
    private void WriteFootTraffic(DateTime slotStart, List<PlannedVisit> visits, FactBatch output)
    {
        var count = new int[StoreZones.Count];
        var dwell = new long[StoreZones.Count];
        foreach (var visit in visits)
        {
            for (var i = 0; i < visit.Path.Length; i++)
            {
                count[visit.Path[i]]++;
                dwell[visit.Path[i]] += visit.Dwell[i];
            }
        }

        for (var zone = 0; zone < StoreZones.Count; zone++)
        {
            if (count[zone] > 0)
            {
                output.FootTraffic.Add(new FootTrafficFact(
                    slotStart.AddSeconds(3599), slotStart, StoreId, StoreZones.Names[zone], _sensors[zone],
                    count[zone], (int)Rounding.Divide(dwell[zone], count[zone])));
            }
        }
    }

    // A plain loop rather than List.Exists with a capturing lambda: it runs per zone of every basket.
    private bool HasZone(List<(int Product, int Quantity)> lines, int zone)
    {
        foreach (var line in lines)
        {
            if (_world.Products.Zone[line.Product] == zone)
            {
                return true;
            }
        }

        return false;
    }
}
