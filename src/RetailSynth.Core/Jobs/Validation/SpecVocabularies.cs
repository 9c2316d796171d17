namespace RetailSynth.Jobs.Validation;

/// <summary>
/// The enumeration values of data-model §3.4, written out from the spec rather than taken from the
/// generator's constants, so that a misspelt constant in the generator is caught instead of trusted.
/// </summary>
internal static class SpecVocabularies
{
    public static readonly string[] Regions = ["WEST", "MIDWEST", "NORTHEAST", "SOUTHEAST", "SOUTHWEST"];
    public static readonly string[] GeographyClasses = ["URBAN", "SUBURBAN", "RURAL"];
    public static readonly string[] VolumeClasses = ["FLAGSHIP", "HIGH_VOLUME", "MEDIUM_VOLUME", "LOW_VOLUME", "KIOSK"];
    public static readonly string[] StoreFormats = ["HYPERMARKET", "SUPERSTORE", "STANDARD", "NEIGHBORHOOD", "EXPRESS"];
    public static readonly string[] HoursClasses = ["H24", "EXTENDED", "STANDARD", "LIMITED"];
    public static readonly string[] FleetTypes = ["DC_ASSIGNED", "POOL", "SUPPLIER"];
    public static readonly string[] ShopperSegments = ["BUDGET_CONSCIOUS", "CONVENIENCE_FOCUSED", "QUALITY_SEEKER", "BRAND_LOYAL"];
    public static readonly string[] MobilitySegments = ["REGULAR", "COMMUTER", "BUSINESS_TRAVELER", "TOURIST", "SNOWBIRD"];
    public static readonly string[] MerchGroups = ["FOOD", "BEVERAGES", "HOUSEHOLD", "PERSONAL_CARE", "ELECTRONICS", "CLOTHING", "HOME_GARDEN", "OTHER"];
    public static readonly string[] Taxabilities = ["TAXABLE", "REDUCED_RATE", "NON_TAXABLE"];

    public static readonly string[] Zones =
        ["ENTRANCE_MAIN", "ENTRANCE_SIDE", "GROCERY", "FRESH", "HEALTH_BEAUTY", "HOME", "ELECTRONICS", "APPAREL", "CHECKOUT"];

    public static readonly string[] ReceiptTypes = ["SALE", "RETURN"];
    public static readonly string[] Tenders = ["CASH", "CREDIT", "DEBIT", "MOBILE", "PAYPAL", "OTHER"];
    public static readonly string[] PaymentStatuses = ["APPROVED", "DECLINED", "REFUNDED"];

    public static readonly string[] DeclineReasons =
        ["INSUFFICIENT_FUNDS", "CARD_EXPIRED", "INVALID_CVV", "NETWORK_ERROR", "FRAUD_SUSPECTED", "CARD_BLOCKED", "LIMIT_EXCEEDED"];

    public static readonly string[] DiscountTypes = ["PERCENT", "BOGO"];
    public static readonly string[] InventoryReasons = ["SALE", "RETURN", "INBOUND_SHIPMENT", "OUTBOUND_SHIPMENT", "ADJUSTMENT", "DAMAGED"];
    public static readonly string[] Priorities = ["NORMAL", "HIGH", "URGENT"];
    public static readonly string[] TemperatureClasses = ["CHILLED", "AMBIENT"];

    /// <summary>In lifecycle order (§13.3).</summary>
    public static readonly string[] ShipmentStatuses = ["SCHEDULED", "LOADING", "IN_TRANSIT", "ARRIVED", "UNLOADING", "COMPLETED"];

    /// <summary>QUEUED exists only in state; a shipment leaves state when it is COMPLETED.</summary>
    public static readonly string[] PendingShipmentStatuses = ["QUEUED", "SCHEDULED", "LOADING", "IN_TRANSIT", "ARRIVED", "UNLOADING"];

    public static readonly string[] TruckActions = ["LOAD", "UNLOAD"];
    public static readonly string[] LocationTypes = ["DC", "STORE"];
    public static readonly string[] OperationTypes = ["OPENED", "CLOSED"];
    public static readonly string[] FulfillmentModes = ["SHIP_FROM_DC", "SHIP_FROM_STORE", "BOPIS"];
    public static readonly string[] NodeTypes = ["STORE", "DC"];
    public static readonly string[] OrderStatuses = ["PICKED", "SHIPPED", "DELIVERED", "CANCELLED"];
    public static readonly string[] OpenOrderNextStatuses = ["PICKED", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED"];
    public static readonly string[] CampaignTypes = ["SEASONAL_SALE", "PRODUCT_LAUNCH", "LOYALTY_PROGRAM", "FLASH_SALE"];
    public static readonly string[] Channels = ["EMAIL", "DISPLAY", "SOCIAL", "SEARCH", "FACEBOOK", "GOOGLE", "INSTAGRAM", "YOUTUBE"];
    public static readonly string[] DeviceTypes = ["MOBILE", "DESKTOP", "TABLET"];
    public static readonly string[] ConversionTargets = ["STORE", "ONLINE"];

    public static readonly string[] StorePromoCodes =
    [
        "SAVE10", "SAVE15", "SAVE20", "SAVE25", "BOGO50", "CLEARANCE30", "CLEARANCE50", "BFRIDAY30", "BFRIDAY40",
        "SUMMER25", "BACKTOSCHOOL", "HOLIDAY20", "NEWYEAR15",
    ];

    public static readonly string[] OnlinePromoCodes = ["PROMO5", "PROMO10", "PROMO20"];
}
