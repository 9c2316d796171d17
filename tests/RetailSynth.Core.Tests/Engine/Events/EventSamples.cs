using RetailSynth.Domain.Facts;
using RetailSynth.Engine.Events;
using RetailSynth.Storage.Outbox;

namespace RetailSynth.Core.Tests.Engine.Events;

/// <summary>
/// The consistent record set behind the examples of events.md §6 (a store-3 visit with receipt time
/// 17:42:10.000Z on 2024-01-15), as typed fact records, and a helper that builds their events.
/// </summary>
internal static class EventSamples
{
    public const string DatasetId = "9f2c4e1a7b3d5c80";
    public const string Visit = "VIS-20240115-003-000123";
    public const string Receipt = "RCP-20240115-003-000123";
    public const string Journey = "JRN-20240114-0001688";
    public const string Order = "ONL-20240115-000117";
    public const string Shipment = "SHP-20240116-00004";

    public static readonly DateOnly StartDate = new(2024, 1, 1);
    public static readonly DateTime ReceiptTs = Utc(2024, 1, 15, 17, 42, 10);

    public static DateTime Utc(int year, int month, int day, int hour, int minute, int second, int ms = 0) =>
        new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).AddMilliseconds(ms);

    /// <summary>One source record per §6 example, keyed by event type, each added to an otherwise empty chunk.</summary>
    public static IReadOnlyDictionary<string, Action<FactBatch>> Examples { get; } = new Dictionary<string, Action<FactBatch>>
    {
        [EventTypes.ReceiptCreated] = f => f.Receipts.Add(new ReceiptFact(
            Receipt, ReceiptTs, 3, 4217, Visit, "SALE", 3, new Money(2499, 250, 2249, 149, 2398), "CREDIT",
            "CMP-20240110", "IMP-20240114-0001688", Journey, null)),
        [EventTypes.ReceiptLineAdded] = f => f.ReceiptLines.Add(new ReceiptLineFact(
            Receipt, 1, ReceiptTs.AddMilliseconds(1), 3, 501, 2, 1000, new LineMoney(2000, 200, 1800, 119), "SAVE10")
        {
            VisitId = Visit,
        }),
        [EventTypes.PaymentProcessed] = f => f.Payments.Add(new PaymentFact(
            $"TXN-{Receipt}-1", ReceiptTs.AddMilliseconds(2140), Receipt, null, 3, 4217, 1, "CREDIT", "APPROVED", null, 2398, 2140, Journey)
        {
            VisitId = Visit,
        }),
        [EventTypes.InventoryUpdated] = f => f.StoreInventoryTxns.Add(new InventoryTxnFact(3, 81234, ReceiptTs.AddMilliseconds(1), 501, -2, "SALE", Receipt, 0)),
        [EventTypes.StockoutDetected] = f => f.Stockouts.Add(new StockoutFact(ReceiptTs.AddMilliseconds(2), 3, null, 501, 2, 81234)),
        [EventTypes.ReorderTriggered] = f => f.Reorders.Add(new ReorderFact(
            "RO-20240116-S003-0007", Utc(2024, 1, 16, 5, 30, 0), 3, 2, 501, 0, 0, 12, 60, "URGENT", null)),
        [EventTypes.CustomerEntered] = f => f.FootTraffic.Add(new FootTrafficFact(
            Utc(2024, 1, 15, 17, 59, 59), Utc(2024, 1, 15, 17, 0, 0), 3, "ENTRANCE_MAIN", "SENSOR_003_ENTRANCE_MAIN", 64, 67)),
        [EventTypes.CustomerZoneChanged] = f => f.ZoneChanges.Add(new ZoneChangeFact(
            Visit, 1, Utc(2024, 1, 15, 17, 28, 40), 3, "BLE3K9ZQ2", 4217, "ENTRANCE_MAIN", "GROCERY")),
        [EventTypes.BlePingDetected] = f => f.BlePings.Add(new BlePingFact(
            Visit, 4, Utc(2024, 1, 15, 17, 31, 5), 3, "BEACON_003_GROCERY", "GROCERY", "BLE3K9ZQ2", 4217, -61)),
        [EventTypes.TruckArrived] = f => f.TruckMoves.Add(Truck("ARRIVED", Utc(2024, 1, 16, 11, 5, 0), null)),
        [EventTypes.TruckDeparted] = f => f.TruckMoves.Add(Truck("COMPLETED", Utc(2024, 1, 16, 12, 3, 0), 58)),
        [EventTypes.StoreOpened] = f => f.StoreOps.Add(new StoreOpFact(3, new DateOnly(2024, 1, 15), "OPENED", Utc(2024, 1, 15, 14, 0, 0))),
        [EventTypes.StoreClosed] = f => f.StoreOps.Add(new StoreOpFact(3, new DateOnly(2024, 1, 15), "CLOSED", Utc(2024, 1, 16, 4, 0, 0))),
        [EventTypes.AdImpression] = f => f.Marketing.Add(new MarketingFact(
            "IMP-20240114-0001688", Utc(2024, 1, 14, 20, 15, 33), "CMP-20240110", "BRAND", "EMAIL", "CRV-20240110-EMAIL-2", "AD0K7Q2M4X", 4217,
            "MOBILE", 18, Journey)),
        [EventTypes.PromotionApplied] = f => f.Promotions.Add(new PromotionFact(
            Receipt, "SAVE10", ReceiptTs.AddMilliseconds(100), 3, 4217, "PERCENT", 250, 2, [501, 777], Journey)
        {
            VisitId = Visit,
        }),
        [EventTypes.OnlineOrderCreated] = f => f.OnlineOrderHeaders.Add(new OnlineOrderHeaderFact(
            Order, Utc(2024, 1, 15, 19, 4, 51), 815, "SHIP_FROM_DC", "DC", 2, 2, 2, new Money(2048, 130, 1918, 73, 1991), 3_800, "CREDIT",
            null, null, null)),
        [EventTypes.OnlineOrderPicked] = f => f.OnlineOrderStatus.Add(new OnlineOrderStatusFact(
            Order, "PICKED", Utc(2024, 1, 15, 21, 12, 0), "SHIP_FROM_DC", "DC", 2)),
        [EventTypes.OnlineOrderShipped] = f => f.OnlineOrderStatus.Add(new OnlineOrderStatusFact(
            Order, "SHIPPED", Utc(2024, 1, 16, 9, 40, 0), "SHIP_FROM_DC", "DC", 2)),
    };

    /// <summary>The events of a chunk built by a fresh builder for the sample dataset, on the day of the first row.</summary>
    public static List<EncodedEvent> Build(Action<FactBatch> add)
    {
        var facts = new FactBatch();
        add(facts);
        var rank = 0L;
        return new HourEventBuilder(DatasetId, StartDate).Build(facts, new DateOnly(2024, 1, 15), ref rank);
    }

    public static EncodedEvent Single(Action<FactBatch> add) => Assert.Single(Build(add));

    private static TruckMoveFact Truck(string status, DateTime ts, int? actualMinutes) => new(
        Shipment, status, ts, 9, 2, 3, "DRY", "NORMAL", 120, Utc(2024, 1, 16, 9, 0, 0), Utc(2024, 1, 16, 11, 0, 0), Utc(2024, 1, 16, 12, 0, 0),
        52, actualMinutes);
}
