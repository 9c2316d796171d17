
namespace RetailSynth.Engine.Simulation.World;

/// <summary>
/// The identified customers 1…N as arrays indexed by customer index (customer_id − r × 10⁸ − 1): what the simulation reads of
/// them. Who is active and the store pools of a day live in <see cref="State.CustomerLifecycle"/> and
/// <see cref="ShopperPools"/>; the anonymous shopper (customer 0) is <see cref="Anonymous"/>, index −1.
/// </summary>
public sealed class CustomerTable
{
    /// <summary>The visit index of the anonymous shopper, customer 0 (§6.5): not an index into these arrays.</summary>
    public const int AnonymousIndex = -1;

    /// <summary>Mobility propensity of a visitor from a neighbouring trade area (§10.1), by <see cref="MobilitySegments.All"/>.</summary>
    private static readonly double[] s_mobilityPropensity = [0.5, 2.0, 3.0, 3.0, 2.0];

    private readonly Dictionary<int, int> _primaryCustomers;

    public CustomerTable(IReadOnlyList<Customer> customers, Region region)
    {
        Count = customers.Count;
        Rows = [.. customers.Select(WithoutContactDetails)];
        Segment = customers.Select(c => IndexOf(ShopperSegments.All, c.ShopperSegment)).ToArray();
        BleOptIn = customers.Select(c => c.BleOptIn).ToArray();
        JoinDate = customers.Select(c => c.JoinDate).ToArray();
        PrimaryStore = customers.Select(c => region.IndexOf(c.PrimaryStoreId)).ToArray();
        SecondaryStore = customers.Select(c => c.SecondaryStoreId is { } s ? region.IndexOf(s) : -1).ToArray();
        MobilityPropensity = customers.Select(c => s_mobilityPropensity[IndexOf(MobilitySegments.All, c.MobilitySegment)]).ToArray();
        _primaryCustomers = PrimaryStore.CountBy(store => store).ToDictionary();
    }

    /// <summary>Customer 0 (§6.5): only its id is ever read; it has no app, so it is never a known device.</summary>
    public static Customer Anonymous { get; } = new(
        0, "Anonymous", "Shopper", string.Empty, 0, 0, 0, string.Empty, string.Empty, string.Empty, string.Empty,
        string.Empty, string.Empty, false, DateOnly.MinValue, 0, null);

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

    /// <summary>Enrolment dates, non-decreasing because ids follow join order (§6.5).</summary>
    public DateOnly[] JoinDate { get; }

    /// <summary>Store index of the primary store.</summary>
    public int[] PrimaryStore { get; }

    /// <summary>n_s of data-model §12.1: the customers whose primary store is each store (by store index).</summary>
    public int PrimaryCustomersOf(int storeIndex) => _primaryCustomers.GetValueOrDefault(storeIndex);

    /// <summary>Store index of the secondary store, −1 for a customer with a single candidate store.</summary>
    public int[] SecondaryStore { get; }

    /// <summary>REGULAR 0.5, COMMUTER 2.0, BUSINESS_TRAVELER 3.0, TOURIST 3.0, SNOWBIRD 2.0 (§10.1).</summary>
    public double[] MobilityPropensity { get; }

    /// <summary>The row of a visit's customer index, <see cref="Anonymous"/> for customer 0.</summary>
    public Customer RowOf(int index) => index == AnonymousIndex ? Anonymous : Rows[index];

    /// <summary>n = customers enrolled by <paramref name="day"/> (join_date ≤ day): they are ids 1…n, since ids follow join order.</summary>
    public int EnrolledBy(DateOnly day)
    {
        int low = 0, high = Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (JoinDate[mid] <= day)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
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
