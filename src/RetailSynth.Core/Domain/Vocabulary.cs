namespace RetailSynth.Domain;

// Enumeration values of data-model §3.4, stored and streamed as these exact strings.

internal static class Regions
{
    public const string West = "WEST";
    public const string Midwest = "MIDWEST";
    public const string Northeast = "NORTHEAST";
    public const string Southeast = "SOUTHEAST";
    public const string Southwest = "SOUTHWEST";
    public static readonly IReadOnlyList<string> All = [West, Midwest, Northeast, Southeast, Southwest];
}

internal static class GeographyClasses
{
    public const string Urban = "URBAN";
    public const string Suburban = "SUBURBAN";
    public const string Rural = "RURAL";
    public static readonly IReadOnlyList<string> All = [Urban, Suburban, Rural];
}

internal static class VolumeClasses
{
    public const string Flagship = "FLAGSHIP";
    public const string HighVolume = "HIGH_VOLUME";
    public const string MediumVolume = "MEDIUM_VOLUME";
    public const string LowVolume = "LOW_VOLUME";
    public const string Kiosk = "KIOSK";
    public static readonly IReadOnlyList<string> All = [Flagship, HighVolume, MediumVolume, LowVolume, Kiosk];
}

internal static class StoreFormats
{
    public const string Hypermarket = "HYPERMARKET";
    public const string Superstore = "SUPERSTORE";
    public const string Standard = "STANDARD";
    public const string Neighborhood = "NEIGHBORHOOD";
    public const string Express = "EXPRESS";
    public static readonly IReadOnlyList<string> All = [Hypermarket, Superstore, Standard, Neighborhood, Express];
}

internal static class HoursClasses
{
    public const string H24 = "H24";
    public const string Extended = "EXTENDED";
    public const string Standard = "STANDARD";
    public const string Limited = "LIMITED";
    public static readonly IReadOnlyList<string> All = [H24, Extended, Standard, Limited];
}

internal static class FleetTypes
{
    public const string DcAssigned = "DC_ASSIGNED";
    public const string Pool = "POOL";
    public const string Supplier = "SUPPLIER";
    public static readonly IReadOnlyList<string> All = [DcAssigned, Pool, Supplier];
}

internal static class ShopperSegments
{
    public static readonly IReadOnlyList<string> All = ["BUDGET_CONSCIOUS", "CONVENIENCE_FOCUSED", "QUALITY_SEEKER", "BRAND_LOYAL"];
    public static ReadOnlySpan<double> Weights => [0.35, 0.25, 0.20, 0.20];
}

internal static class MobilitySegments
{
    public static readonly IReadOnlyList<string> All = ["REGULAR", "COMMUTER", "BUSINESS_TRAVELER", "TOURIST", "SNOWBIRD"];
    public static ReadOnlySpan<double> Weights => [0.80, 0.10, 0.05, 0.03, 0.02];
}

internal static class MerchGroups
{
    public static readonly IReadOnlyList<string> All =
        ["FOOD", "BEVERAGES", "HOUSEHOLD", "PERSONAL_CARE", "ELECTRONICS", "CLOTHING", "HOME_GARDEN", "OTHER"];
}

internal static class Taxabilities
{
    public const string Taxable = "TAXABLE";
    public const string ReducedRate = "REDUCED_RATE";
    public const string NonTaxable = "NON_TAXABLE";
    public static readonly IReadOnlyList<string> All = [Taxable, ReducedRate, NonTaxable];
}

/// <summary>season_profile of data-model §3.4: a product's monthly demand pattern (§10.2).</summary>
internal static class SeasonProfiles
{
    public const string None = "NONE";

    public static readonly IReadOnlyList<string> All =
        [None, "WINTER_HOLIDAY", "FALL_HARVEST", "SUMMER", "BACK_TO_SCHOOL", "WINTER", "SPRING_GARDEN"];
}

internal static class StoreZoneNames
{
    public static readonly IReadOnlyList<string> All =
        ["ENTRANCE_MAIN", "ENTRANCE_SIDE", "GROCERY", "FRESH", "HEALTH_BEAUTY", "HOME", "ELECTRONICS", "APPAREL", "CHECKOUT"];
}

/// <summary>tender_type and payment_method (one vocabulary).</summary>
internal static class TenderTypes
{
    public const string Cash = "CASH";
    public const string Credit = "CREDIT";
    public const string Debit = "DEBIT";
    public const string Mobile = "MOBILE";
    public const string PayPal = "PAYPAL";
    public const string Other = "OTHER";
    public static readonly IReadOnlyList<string> All = [Cash, Credit, Debit, Mobile, PayPal, Other];
}

internal static class PaymentStatuses
{
    public const string Approved = "APPROVED";
    public const string Declined = "DECLINED";
    public const string Refunded = "REFUNDED";
    public static readonly IReadOnlyList<string> All = [Approved, Declined, Refunded];
}

internal static class DeclineReasons
{
    public static readonly IReadOnlyList<string> All =
        ["INSUFFICIENT_FUNDS", "CARD_EXPIRED", "INVALID_CVV", "NETWORK_ERROR", "FRAUD_SUSPECTED", "CARD_BLOCKED", "LIMIT_EXCEEDED"];
}

internal static class DiscountTypes
{
    public const string Percent = "PERCENT";
    public const string Bogo = "BOGO";
    public static readonly IReadOnlyList<string> All = [Percent, Bogo];
}

internal static class ReorderPriorities
{
    public const string Normal = "NORMAL";
    public const string High = "HIGH";
    public const string Urgent = "URGENT";
    public static readonly IReadOnlyList<string> All = [Normal, High, Urgent];
}

/// <summary>operation_type of store operations.</summary>
internal static class StoreOperations
{
    public const string Opened = "OPENED";
    public const string Closed = "CLOSED";
    public static readonly IReadOnlyList<string> All = [Opened, Closed];
}

internal static class FulfillmentModes
{
    public const string ShipFromDc = "SHIP_FROM_DC";
    public const string ShipFromStore = "SHIP_FROM_STORE";
    public const string Bopis = "BOPIS";
    public static readonly IReadOnlyList<string> All = [ShipFromDc, ShipFromStore, Bopis];
}

/// <summary>node_type of online orders: where an order is picked.</summary>
internal static class NodeTypes
{
    public const string Store = "STORE";
    public const string Dc = "DC";
    public static readonly IReadOnlyList<string> All = [Store, Dc];
}

internal static class DeviceTypes
{
    public static readonly IReadOnlyList<string> All = ["MOBILE", "DESKTOP", "TABLET"];
}
