
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
        _json.Raw("\"store_id\":"u8);
        _json.Integer(r.StoreId);
        _json.Raw(",\"customer_id\":"u8);
        _json.Integer(r.CustomerId);
        _json.Raw(",\"receipt_id\":"u8);
        _json.String(r.ReceiptIdExt);
        _json.Raw(",\"subtotal\":"u8);
        _json.Money(r.Money.SubtotalCents);
        _json.Raw(",\"tax\":"u8);
        _json.Money(r.Money.TaxCents);
        _json.Raw(",\"total\":"u8);
        _json.Money(r.Money.TotalCents);
        _json.Raw(",\"tender_type\":"u8);
        _json.String(r.TenderType);
        _json.Raw(",\"item_count\":"u8);
        _json.Integer(r.ItemCount);
        _json.Raw(",\"campaign_id\":"u8);
        _json.String(r.CampaignId);
        _json.Raw(",\"impression_id\":"u8);
        _json.String(r.ImpressionIdExt);
        HeaderCents(r.Money);
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
        _json.Raw("\"receipt_id\":"u8);
        _json.String(r.ReceiptIdExt);
        _json.Raw(",\"line_number\":"u8);
        _json.Integer(r.LineNum);
        _json.Raw(",\"product_id\":"u8);
        _json.Integer(r.ProductId);
        _json.Raw(",\"quantity\":"u8);
        _json.Integer(r.Quantity);
        _json.Raw(",\"unit_price\":"u8);
        _json.Money(r.UnitCents);
        _json.Raw(",\"extended_price\":"u8);
        _json.Money(r.Money.NetCents);
        _json.Raw(",\"promo_code\":"u8);
        _json.String(r.PromoCode);
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
        _json.Raw("\"receipt_id\":"u8);
        _json.String(p.ReceiptIdExt);
        _json.Raw(",\"order_id\":"u8);
        _json.String(p.OrderIdExt);
        _json.Raw(",\"payment_method\":"u8);
        _json.String(p.PaymentMethod);
        _json.Raw(",\"amount\":"u8);
        _json.Money(p.AmountCents);
        _json.Raw(",\"amount_cents\":"u8);
        _json.Integer(p.AmountCents);
        _json.Raw(",\"transaction_id\":"u8);
        _json.String(p.TransactionId);
        _json.Raw(",\"processing_time\":"u8);
        _json.Timestamp(p.EventTs);
        _json.Raw(",\"processing_time_ms\":"u8);
        _json.Integer(p.ProcessingTimeMs);
        _json.Raw(",\"status\":"u8);
        _json.String(p.Status);
        _json.Raw(",\"decline_reason\":"u8);
        _json.String(p.DeclineReason);
        _json.Raw(",\"store_id\":"u8);
        _json.Integer(p.StoreId);
        _json.Raw(",\"customer_id\":"u8);
        _json.Integer(p.CustomerId);
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
        _json.Raw("\"receipt_id\":"u8);
        _json.String(p.ReceiptIdExt);
        _json.Raw(",\"promo_code\":"u8);
        _json.String(p.PromoCode);
        _json.Raw(",\"discount_amount\":"u8);
        _json.Money(p.DiscountCents);
        _json.Raw(",\"discount_cents\":"u8);
        _json.Integer(p.DiscountCents);
        _json.Raw(",\"discount_type\":"u8);
        _json.String(p.DiscountType);
        _json.Raw(",\"product_count\":"u8);
        _json.Integer(p.ProductCount);
        _json.Raw(",\"product_ids\":"u8);
        _json.IntegerArray(p.ProductIds);
        _json.Raw(",\"store_id\":"u8);
        _json.Integer(p.StoreId);
        _json.Raw(",\"customer_id\":"u8);
        _json.Integer(p.CustomerId);
        return Tail(type, p.EventTs, StoreKey(p.StoreId), p.CorrelationId, p.VisitId, true, slot);
    }

    /// <summary>The five cent columns of a receipt or order header, in §6.1 order.</summary>
    private void HeaderCents(Money money)
    {
        _json.Raw(",\"gross_subtotal_cents\":"u8);
        _json.Integer(money.GrossCents);
        _json.Raw(",\"discount_cents\":"u8);
        _json.Integer(money.DiscountCents);
        _json.Raw(",\"subtotal_cents\":"u8);
        _json.Integer(money.SubtotalCents);
        _json.Raw(",\"tax_cents\":"u8);
        _json.Integer(money.TaxCents);
        _json.Raw(",\"total_cents\":"u8);
        _json.Integer(money.TotalCents);
    }
}
