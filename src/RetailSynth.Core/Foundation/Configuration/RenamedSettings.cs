namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// Settings an earlier model read under another name or unit, or no longer reads. Like any unknown setting they are rejected at start-up
/// (data-model P13), but with a message naming the replacement, since a silently ignored old key would change the data.
/// </summary>
internal static class RenamedSettings
{
    // Old prefix, new prefix and what changed, checked case-insensitively as configuration keys are.
    private static readonly (string Old, string New, string Change)[] s_renamed =
    [
        ("Simulation:MarketingCost", "Simulation:MarketingCpm",
            "in USD per 1,000 impressions instead of per impression (multiply the old value by 1,000)"),
    ];

    // Settings model v2 no longer reads, and why: the fleet is sized (§6.4) and stock is planned (§12) from demand.
    private const string StockFromDemand = "store and DC stock is planned from expected demand (data-model §12); remove it";

    private static readonly (string Old, string Reason)[] s_removed =
    [
        ("Simulation:RefrigeratedTrucks", "the DC fleet is sized from expected demand; use Simulation:FleetHeadroom and Simulation:PoolTruckShare"),
        ("Simulation:DryTrucks", "the DC fleet is sized from expected demand; use Simulation:FleetHeadroom and Simulation:PoolTruckShare"),
        ("Simulation:TruckDcAssignmentRate", "the DC fleet is sized from expected demand; use Simulation:PoolTruckShare for the pool"),
        ("Simulation:StoreInitialInventoryMin", StockFromDemand),
        ("Simulation:StoreInitialInventoryMax", StockFromDemand),
        ("Simulation:StoreReorderPointMin", StockFromDemand),
        ("Simulation:StoreReorderPointMax", StockFromDemand),
        ("Simulation:DcInitialInventoryMin", StockFromDemand),
        ("Simulation:DcInitialInventoryMax", StockFromDemand),
        ("Simulation:DcReorderPointMin", StockFromDemand),
        ("Simulation:DcReorderPointMax", StockFromDemand),
    ];

    /// <summary>The problem to report for <paramref name="key"/> if it is a renamed or removed setting, else null.</summary>
    public static string? Problem(string key)
    {
        foreach (var (old, reason) in s_removed)
        {
            if (key.Equals(old, StringComparison.OrdinalIgnoreCase))
            {
                return $"setting '{key}' was removed in model v2: {reason}";
            }
        }

        foreach (var (old, replacement, change) in s_renamed)
        {
            if (key.Equals(old, StringComparison.OrdinalIgnoreCase)
                || key.StartsWith(old + ":", StringComparison.OrdinalIgnoreCase))
            {
                return $"setting '{key}' was replaced in model v2 by '{replacement}{key[old.Length..]}', {change}";
            }
        }

        return null;
    }
}
