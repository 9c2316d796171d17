
namespace RetailSynth.Engine.Simulation.World;

/// <summary>
/// Customers as arrays indexed by customer index, plus the shopper pools of §10.1 — primary and
/// secondary customers per store and one mobility-weighted pool — in O(customers) memory.
/// </summary>
public sealed class CustomerTable
{
    private static readonly double[] s_mobilityPropensity = [0.10, 0.25, 0.5, 0.8, 0.6];

    public CustomerTable(IReadOnlyList<Customer> customers, int storeCount)
    {
        Count = customers.Count;
        Rows = [.. customers.Select(WithoutContactDetails)];
        Segment = customers.Select(c => IndexOf(ShopperSegments.All, c.ShopperSegment)).ToArray();
        BleOptIn = customers.Select(c => c.BleOptIn).ToArray();

        var primary = new List<int>[storeCount];
        var secondary = new List<int>[storeCount];
        for (var s = 0; s < storeCount; s++)
        {
            primary[s] = [];
            secondary[s] = [];
        }

        MobilityCumulative = new double[Count];
        var cumulative = 0.0;
        for (var i = 0; i < Count; i++)
        {
            var c = customers[i];
            primary[c.PrimaryStoreId - 1].Add(i);
            if (c.SecondaryStoreId is { } second)
            {
                secondary[second - 1].Add(i);
            }

            cumulative += s_mobilityPropensity[IndexOf(MobilitySegments.All, c.MobilitySegment)];
            MobilityCumulative[i] = cumulative;
        }

        PrimaryOf = primary.Select(l => l.ToArray()).ToArray();
        SecondaryOf = secondary.Select(l => l.ToArray()).ToArray();
    }

    /// <summary>
    /// The simulation never reads names, address, phone or loyalty card; dropping them lets the dimension set's
    /// largest strings be collected (≈ 100 MB on <c>large</c>) while ids, beacon and ad ids stay.
    /// </summary>
    private static Customer WithoutContactDetails(Customer c) =>
        c with { FirstName = string.Empty, LastName = string.Empty, Address = string.Empty, Phone = string.Empty, LoyaltyCard = string.Empty };

    public int Count { get; }
    public IReadOnlyList<Customer> Rows { get; }
    public int[] Segment { get; }
    public bool[] BleOptIn { get; }
    public int[][] PrimaryOf { get; }
    public int[][] SecondaryOf { get; }

    /// <summary>Running sum of mobility propensities (REGULAR 0.10 … TOURIST 0.8) for weighted draws by binary search.</summary>
    public double[] MobilityCumulative { get; }

    public int DrawByMobility(double uniform01)
    {
        var target = uniform01 * MobilityCumulative[^1];
        var index = Array.BinarySearch(MobilityCumulative, target);
        index = index < 0 ? ~index : index + 1;
        return Math.Min(index, Count - 1);
    }

    private static int IndexOf(IReadOnlyList<string> values, string value)
    {
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] == value)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(value), value, null);
    }
}
