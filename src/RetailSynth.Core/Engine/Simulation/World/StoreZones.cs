
namespace RetailSynth.Engine.Simulation.World;

/// <summary>The one zone vocabulary of data-model §3.4, as indexes; names are the stored values.</summary>
internal static class StoreZones
{
    public const int EntranceMain = 0;
    public const int EntranceSide = 1;
    public const int Grocery = 2;
    public const int Fresh = 3;
    public const int HealthBeauty = 4;
    public const int Home = 5;
    public const int Electronics = 6;
    public const int Apparel = 7;
    public const int Checkout = 8;
    public const int Count = 9;

    /// <summary>The names by index: the constants above index <see cref="StoreZoneNames.All"/>.</summary>
    public static IReadOnlyList<string> Names => StoreZoneNames.All;

    /// <summary>Shopping zones in store layout order (§10.4): the path visits them in this order.</summary>
    public static readonly IReadOnlyList<int> Layout = [Grocery, Fresh, HealthBeauty, Home, Apparel, Electronics];

    /// <summary>Derived store zone of a product (§6.6).</summary>
    public static int ForProduct(bool refrigerated, string merchGroup) => refrigerated ? Fresh : merchGroup switch
    {
        "FOOD" or "BEVERAGES" => Grocery,
        "PERSONAL_CARE" => HealthBeauty,
        "ELECTRONICS" => Electronics,
        "CLOTHING" => Apparel,
        _ => Home,
    };

    /// <summary>Zone of a merch group for non-buying visitors' QUICK_TRIP paths (refrigeration unknown: dry zone).</summary>
    public static int ForGroup(int group) => ForProduct(false, MerchGroups.All[group]);

    /// <summary>Dwell range in seconds (§10.4).</summary>
    public static (int Min, int Max) Dwell(int zone) => zone switch
    {
        EntranceMain => (45, 90),
        EntranceSide => (30, 75),
        Grocery or Electronics or Apparel => (180, 420),
        Checkout => (90, 240),
        _ => (120, 300),
    };

    public static string Sensor(long storeId, int zone) => $"SENSOR_{storeId:000}_{Names[zone]}";

    public static string Beacon(long storeId, int zone) => $"BEACON_{storeId:000}_{Names[zone]}";
}
