
namespace RetailSynth.Engine.Events;

/// <summary>Receipts, lines, payments and promotions (events.md §6.1–§6.3, §6.14).</summary>
internal sealed partial class EventEncoder
{
    public EncodedEvent ReceiptCreated(ReceiptFact r, in EventSlot slot)
    {
        var isReturn = r.ReceiptType switch
        {
            "SALE" => false,
            "RETURN" => true,
            _ => throw new InvalidOperationException($"Receipt {r.ReceiptIdExt} has type '{r.ReceiptType}', which feeds no event type."),
        };
        const EventType type = EventType.ReceiptCreated;
        BeginKey(type);
        KeyPart(r.ReceiptIdExt);
        EndKey(_id);
        if (isReturn)
        {
            // events.md §4: the returned sale's receipt_created, or the returned online order's online_order_created.
            if (r.ReturnForOrderIdExt is { } order)
            {
                ParentId(EventType.OnlineOrderCreated, order);
            }
            else
            {
                ParentId(type, r.ReturnForReceiptIdExt ?? throw new InvalidOperationException($"Return {r.ReceiptIdExt} names no sale."));
            }
        }

        Head(type);
        Key().Integer(r.StoreId);
        Key().Integer(r.CustomerId);
        Key().String(r.ReceiptIdExt);
        HeaderTotals(r.Money, r.TenderType);
        Key().Integer(r.ItemCount);
        HeaderTail(r.CampaignId, r.ImpressionIdExt, r.Money);
        return Tail(type, r.EventTs, StoreKey(r.StoreId), r.CorrelationId, isReturn ? null : r.VisitId, isReturn, slot);
    }

    public EncodedEvent ReceiptLineAdded(ReceiptLineFact r, in EventSlot slot)
    {
        const EventType type = EventType.ReceiptLineAdded;
        BeginKey(type);
        KeyPart(r.ReceiptIdExt);
        KeySeparator();
        KeyPart(r.LineNum);
        EndKey(_id);
        ParentId(EventType.ReceiptCreated, r.ReceiptIdExt);

        Head(type);
        Key().String(r.ReceiptIdExt);
        Key().Integer(r.LineNum);
        Key().Integer(r.ProductId);
        Key().Integer(r.Quantity);
        Key().Money(r.UnitCents);
        Key().Money(r.Money.NetCents);
        Key().String(r.PromoCode);
        return Tail(type, r.EventTs, StoreKey(r.StoreId), null, r.VisitId, true, slot);
    }

    public EncodedEvent PaymentProcessed(PaymentFact p, in EventSlot slot)
    {
        const EventType type = EventType.PaymentProcessed;
        BeginKey(type);
        KeyPart(p.TransactionId);
        EndKey(_id);
        string partitionKey;
        string? session;
        if (p.ReceiptIdExt is { } receipt)
        {
            ParentId(EventType.ReceiptCreated, receipt);
            partitionKey = StoreKey(p.StoreId ?? throw new InvalidOperationException($"Store payment {p.TransactionId} has no store."));
            session = p.VisitId;
        }
        else
        {
            var order = p.OrderIdExt ?? throw new InvalidOperationException($"Payment {p.TransactionId} has neither a receipt nor an order.");
            ParentId(EventType.OnlineOrderCreated, order);
            partitionKey = OrderKey(order);
            session = order;
        }

        Head(type);
        Key().String(p.ReceiptIdExt);
        Key().String(p.OrderIdExt);
        Key().String(p.PaymentMethod);
        Key().Money(p.AmountCents);
        Key().Integer(p.AmountCents);
        Key().String(p.TransactionId);
        Key().Timestamp(p.EventTs);
        Key().Integer(p.ProcessingTimeMs);
        Key().String(p.Status);
        Key().String(p.DeclineReason);
        Key().Integer(p.StoreId);
        Key().Integer(p.CustomerId);
        return Tail(type, p.EventTs, partitionKey, p.CorrelationId, session, true, slot);
    }

    public EncodedEvent PromotionApplied(PromotionFact p, in EventSlot slot)
    {
        const EventType type = EventType.PromotionApplied;
        BeginKey(type);
        KeyPart(p.ReceiptIdExt);
        KeySeparator();
        KeyPart(p.PromoCode);
        EndKey(_id);
        ParentId(EventType.ReceiptCreated, p.ReceiptIdExt);

        Head(type);
        Key().String(p.ReceiptIdExt);
        Key().String(p.PromoCode);
        Key().Money(p.DiscountCents);
        Key().Integer(p.DiscountCents);
        Key().String(p.DiscountType);
        Key().Integer(p.ProductCount);
        Key().IntegerArray(p.ProductIds);
        Key().Integer(p.StoreId);
        Key().Integer(p.CustomerId);
        return Tail(type, p.EventTs, StoreKey(p.StoreId), p.CorrelationId, p.VisitId, true, slot);
    }

    /// <summary>subtotal, tax, total and tender_type of a receipt or order header (§6.1, §6.15).</summary>
    private void HeaderTotals(in Money money, string tenderType)
    {
        Key().Money(money.SubtotalCents);
        Key().Money(money.TaxCents);
        Key().Money(money.TotalCents);
        Key().String(tenderType);
    }

    /// <summary>The keys that end a receipt or order header (§6.1, §6.15): campaign_id, impression_id and the five cent columns.</summary>
    private void HeaderTail(string? campaignId, string? impressionIdExt, in Money money)
    {
        Key().String(campaignId);
        Key().String(impressionIdExt);
        Key().Integer(money.GrossCents);
        Key().Integer(money.DiscountCents);
        Key().Integer(money.SubtotalCents);
        Key().Integer(money.TaxCents);
        Key().Integer(money.TotalCents);
    }
}
