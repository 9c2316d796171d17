namespace RetailSynth.Foundation.Randomness;

/// <summary>The component names of data-model §3.1; one stream owner each.</summary>
internal static class RandomComponents
{
    public const string Geographies = "dims.geographies";
    public const string Stores = "dims.stores";
    public const string DistributionCenters = "dims.dcs";
    public const string Customers = "dims.customers";
    public const string Products = "dims.products";

    /// <summary>Id offsets (§3.1): o₁ and o₂ of the customers' beacon and ad ids, then the license-plate offset, in this order.</summary>
    public const string Offsets = "dims.offsets";

    /// <summary>Every customer's activity, drawn when the simulator state is created (§10.7).</summary>
    public const string StateCustomers = "state.customers";

    /// <summary>Keyed by (UTC date of a lifecycle transition, customer_id): the length of the spell that starts then (§10.7).</summary>
    public const string CustomerSpells = "customers";

    // Day streams of the simulation (§3.1), keyed by UTC day or, for returns, the store-local return date.
    public const string Store = "store";
    public const string Returns = "returns";
    public const string Online = "online";
    public const string Campaigns = "campaigns";

    /// <summary>Chain events of the calendar (§5), keyed by local date: the same in every region.</summary>
    public const string CalendarEvents = "calendar.events";
    public const string Marketing = "marketing";
    public const string Logistics = "logistics";
    public const string DistributionCenter = "dc";

    /// <summary>
    /// The five components whose draws are identical in every region (scale-out §2): the catalog, chain events, the
    /// campaign plan, the one hub pass and the id offsets. Every other stream gets the region in its scope.
    /// </summary>
    public static bool IsSharedByRegions(string component) =>
        component is Products or CalendarEvents or Campaigns or DistributionCenters or Offsets;
}
