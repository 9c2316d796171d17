using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>
/// dim_customers 1…N (data-model §6.5) from <c>dims.customers</c>: join dates first (ids in join order), then each
/// customer's attributes, a seed store drawn like store traffic, a home point near it and the two stores of highest
/// Huff utility.
/// </summary>
internal static class CustomerGenerator
{
    public const double HuffRadiusMiles = 30;

    private static readonly string[] s_areaCodes = ["555", "800", "888", "877", "866"];

    public static List<Customer> Generate(
        int count,
        DateOnly startDate,
        IReadOnlyList<Geography> geographies,
        IReadOnlyList<Store> stores,
        ReferenceDictionaries d,
        RandomHierarchy random,
        (long Ble, long Ad) offsets)
    {
        var stream = random.Stream(RandomComponents.Customers);
        var joinDates = JoinDates(count, startDate, stream);
        var traffic = stores.Select(s => s.DailyTrafficMultiplier).ToArray();
        var nearestGeography = new NearestGeography(geographies);

        var customers = new List<Customer>(count);
        for (var i = 0; i < count; i++)
        {
            var id = i + 1L;
            var first = Addresses.Pick(stream, d.FirstNames);
            var last = Addresses.Pick(stream, d.LastNames);
            var address = Addresses.Residential(stream, d);
            var seed = stores[stream.Categorical(traffic)];
            var r = HomeRadius(stream, seed.GeographyClass);
            var theta = stream.Uniform(0, 2 * Math.PI);
            var (latitude, longitude) = Haversine.Offset(seed.Latitude, seed.Longitude, r, theta);
            var phone = $"({s_areaCodes[stream.UniformInt(0, s_areaCodes.Length - 1)]}) {stream.UniformInt(0, 999):000}-{stream.UniformInt(0, 9999):0000}";
            var shopper = ShopperSegments.All[stream.Categorical(ShopperSegments.Weights)];
            var mobility = MobilitySegments.All[stream.Categorical(MobilitySegments.Weights)];
            var bleOptIn = stream.Bernoulli(0.30);
            var (primary, secondary) = HuffChoice(latitude, longitude, seed.StoreId, stores);
            customers.Add(new Customer(
                id, first, last, address, nearestGeography.Of(latitude, longitude), latitude, longitude, phone,
                Identifiers.LoyaltyCard(id), Identifiers.BleId(id, offsets.Ble), Identifiers.AdId(id, offsets.Ad),
                shopper, mobility, bleOptIn, joinDates[i], primary, secondary));
        }

        return customers;
    }

    /// <summary>Step 1: N draws of J (80 % up to six years before the start, else up to four years after), sorted by (J, draw).</summary>
    private static DateOnly[] JoinDates(int count, DateOnly startDate, RandomStream stream)
    {
        var draws = new (DateOnly Date, int Draw)[count];
        for (var i = 0; i < count; i++)
        {
            var date = stream.Bernoulli(0.80)
                ? startDate.AddDays(-stream.UniformInt(1, 2190))
                : startDate.AddDays(stream.UniformInt(0, 1460));
            draws[i] = (date, i);
        }

        Array.Sort(draws);
        return draws.Select(x => x.Date).ToArray();
    }

    /// <summary>Home distance from the seed store by its geography class: URBAN Tri(0.3, 1, 6), SUBURBAN Tri(0.5, 2.5, 12), RURAL Tri(1, 5, 25).</summary>
    private static double HomeRadius(RandomStream stream, string geographyClass) => geographyClass switch
    {
        GeographyClasses.Urban => stream.Triangular(0.3, 1.0, 6),
        GeographyClasses.Suburban => stream.Triangular(0.5, 2.5, 12),
        _ => stream.Triangular(1, 5, 25),
    };

    /// <summary>Huff utility A_s / max(1, d_s)² over the stores within 30 mi of home plus the seed store; ties by store_id.</summary>
    private static (long Primary, long? Secondary) HuffChoice(double latitude, double longitude, long seedStoreId, IReadOnlyList<Store> stores)
    {
        (long Id, double Utility) first = (0, double.MinValue), second = (0, double.MinValue);
        foreach (var store in stores)
        {
            // 30 mi is ≥ 0.434° of latitude: a store farther in latitude alone cannot be a candidate.
            if (store.StoreId != seedStoreId && Math.Abs(store.Latitude - latitude) > 0.45)
            {
                continue;
            }

            var miles = Haversine.Miles(latitude, longitude, store.Latitude, store.Longitude);
            if (store.StoreId != seedStoreId && miles > HuffRadiusMiles)
            {
                continue;
            }

            var distance = Math.Max(1, miles);
            var utility = store.DailyTrafficMultiplier / (distance * distance);
            if (utility > first.Utility)
            {
                second = first;
                first = (store.StoreId, utility);
            }
            else if (utility > second.Utility)
            {
                second = (store.StoreId, utility);
            }
        }

        return (first.Id, second.Utility == double.MinValue ? null : second.Id);
    }
}
