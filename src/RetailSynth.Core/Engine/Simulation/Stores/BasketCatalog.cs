using System.Collections.Concurrent;
using RetailSynth.Engine.Simulation.Calendar;
using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>
/// What can be put in a basket on one local date: per merch group and price filter, the launched
/// products with cumulative pick weights (popularity × holiday overlay, §10.2), so a pick is one
/// binary search. Built once per date and shared by every store and thread (a pure function of the date).
/// </summary>
internal sealed class BasketCatalog
{
    private readonly int[][][] _candidates; // [group][filter] → product indexes
    private readonly double[][][] _cumulative; // [group][filter] → running weight sums
    private readonly bool[] _overlaid;

    private BasketCatalog(ProductTable products, DateOnly date)
    {
        _overlaid = new bool[products.Count];
        var weight = new double[products.Count];
        for (var p = 0; p < products.Count; p++)
        {
            var factor = Overlay(products, p, date);
            _overlaid[p] = factor != 1.0;
            weight[p] = products.Popularity[p] * factor;
        }

        var filters = Enum.GetValues<PriceFilter>();
        _candidates = new int[MerchGroup.Count][][];
        _cumulative = new double[MerchGroup.Count][][];
        for (var g = 0; g < MerchGroup.Count; g++)
        {
            var launched = products.ByGroupByPrice[g].Where(p => products.IsLaunched(p, date)).ToArray();
            _candidates[g] = new int[filters.Length][];
            _cumulative[g] = new double[filters.Length][];
            foreach (var filter in filters)
            {
                var slice = Slice(launched, filter);
                _candidates[g][(int)filter] = slice;
                var running = 0.0;
                _cumulative[g][(int)filter] = slice.Select(p => running += weight[p]).ToArray();
            }
        }
    }

    /// <summary>True when the product's weight was multiplied by an overlay on this date: the line gets U(0,2) extra units.</summary>
    public bool IsOverlaid(int product) => _overlaid[product];

    /// <summary>A weighted pick among the group's launched products passing the filter, or −1 if there are none.</summary>
    public int Pick(RandomStream stream, int group, PriceFilter filter)
    {
        var candidates = _candidates[group][(int)filter];
        if (candidates.Length == 0)
        {
            return -1;
        }

        var cumulative = _cumulative[group][(int)filter];
        var target = stream.NextDouble() * cumulative[^1];
        var index = Array.BinarySearch(cumulative, target);
        index = index < 0 ? ~index : index + 1;
        return candidates[Math.Min(index, candidates.Length - 1)];
    }

    private static int[] Slice(int[] byPrice, PriceFilter filter)
    {
        int Share(double fraction) => Math.Max(1, (int)Math.Ceiling(byPrice.Length * fraction));
        return byPrice.Length == 0 ? byPrice : filter switch
        {
            PriceFilter.Cheapest70 => byPrice[..Share(0.7)],
            PriceFilter.Dearest30 => byPrice[^Share(0.3)..],
            PriceFilter.Dearest50 => byPrice[^Share(0.5)..],
            _ => byPrice,
        };
    }

    /// <summary>Holiday overlay factor of §10.2 (factors of overlapping windows multiply).</summary>
    private static double Overlay(ProductTable products, int p, DateOnly date)
    {
        var factor = 1.0;
        var tags = products.Tags[p];
        var group = products.Group[p];
        if (SeasonalWindows.ThanksgivingWindow(date))
        {
            factor *= (tags & ProductTags.Thanksgiving) != 0 ? 3.5
                : (tags & ProductTags.Baking) != 0 ? 1.8
                : group == MerchGroup.Food ? 1.3 : 1.0;
        }

        if (SeasonalWindows.BlackFridayWindow(date))
        {
            factor *= group == MerchGroup.Electronics ? 5.0
                : products.BabyAndKids[p] ? 3.0
                : group == MerchGroup.HomeGarden ? 2.2
                : group == MerchGroup.Clothing ? 2.3 : 1.0;
        }

        if (SeasonalWindows.ChristmasWindow(date))
        {
            factor *= (tags & ProductTags.Gift) != 0 ? 1.8 : (tags & ProductTags.HolidayFood) != 0 ? 1.6 : 1.0;
        }

        if (SeasonalWindows.GrillingWindow(date) && (tags & ProductTags.Grilling) != 0)
        {
            factor *= 2.5;
        }

        return factor;
    }

    /// <summary>Catalogs by date, built on first use; thread-safe and deterministic.</summary>
    public sealed class Cache(ProductTable products)
    {
        private readonly ConcurrentDictionary<DateOnly, Lazy<BasketCatalog>> _byDate = new();

        public BasketCatalog For(DateOnly date) =>
            _byDate.GetOrAdd(date, d => new Lazy<BasketCatalog>(() => new BasketCatalog(products, d))).Value;
    }
}
