using RetailSynth.Foundation.Geo;
using RetailSynth.Reference;

namespace RetailSynth.Engine.Dimensions;

/// <summary>dim_customers (data-model §6.5), one draw sequence per customer from <c>dims.customers</c>.</summary>
internal static class CustomerGenerator
{
    private static readonly string[] s_areaCodes = ["555", "800", "888", "877", "866"];

    public static List<Customer> Generate(
        int count,
        IReadOnlyList<Geography> geographies,
        IReadOnlyList<Store> stores,
        ReferenceDictionaries d,
        RandomHierarchy random)
    {
        var stream = random.Stream(RandomComponents.Customers);
        var bleOffset = stream.UniformInt(0, (36L * 36 * 36 * 36 * 36 * 36) - 1);
        var adOffset = stream.UniformInt(0, (36L * 36 * 36 * 36 * 36 * 36 * 36 * 36) - 1);

        // Customers live where stores are; nearest stores are computed once per geography (distances are transcendental).
        var geographyById = geographies.ToDictionary(g => g.GeographyId);
        var storeStates = stores.Select(s => geographyById[s.GeographyId].State).ToHashSet(StringComparer.Ordinal);
        var homeGeographies = geographies.Where(g => storeStates.Contains(g.State)).ToList();
        var perGeography = LargestRemainder.Distribute(count, homeGeographies.Select(g => g.PlacementWeight).ToList());

        var customers = new List<Customer>(count);
        for (var gi = 0; gi < homeGeographies.Count; gi++)
        {
            var home = homeGeographies[gi];
            var nearest = stores
                .Select(s => (s.StoreId, Miles: Haversine.Miles(home, geographyById[s.GeographyId])))
                .OrderBy(x => x.Miles).ThenBy(x => x.StoreId)
                .Take(2)
                .Select(x => x.StoreId)
                .ToArray();

            for (var k = 0; k < perGeography[gi]; k++)
            {
                var id = customers.Count + 1L;
                var first = Addresses.Pick(stream, d.FirstNames);
                var last = Addresses.Pick(stream, d.LastNames);
                var address = Addresses.Residential(stream, d);
                var phone = $"({s_areaCodes[stream.UniformInt(0, s_areaCodes.Length - 1)]}) {stream.UniformInt(0, 999):000}-{stream.UniformInt(0, 9999):0000}";
                var shopper = ShopperSegments.All[stream.Categorical(ShopperSegments.Weights)];
                var mobility = MobilitySegments.All[stream.Categorical(MobilitySegments.Weights)];
                var bleOptIn = stream.Bernoulli(0.30);
                customers.Add(new Customer(
                    id, first, last, address, home.GeographyId, phone,
                    Identifiers.LoyaltyCard(id), Identifiers.BleId(id, bleOffset), Identifiers.AdId(id, adOffset),
                    shopper, mobility, bleOptIn, nearest[0], nearest.Length > 1 ? nearest[1] : null));
            }
        }

        return customers;
    }
}
