using RetailSynth.Engine.Simulation.Inventory;

namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>Returns (§11): a RET receipt with negated lines, a refund to the sale's tender, stock back in and then disposed of.</summary>
internal sealed partial class StoreDaySimulator
{
    private readonly Dictionary<DateOnly, List<ReturnPlan.PlannedReturn>> _returnPlans = [];

    /// <summary>Today's sales that will be returned: not committed yet, so not in the preloaded lookup.</summary>
    private readonly Dictionary<string, SaleForReturn> _todaysSales = [];

    /// <summary>The day's sales that were scheduled for a later return, for the next days' lookup.</summary>
    public IEnumerable<SaleForReturn> SalesToReturn => _todaysSales.Values;

    /// <summary>
    /// An online order returned here (§11), decided in Phase A before any business date it can fall on has begun; its
    /// lines join the lookup so this and later days can copy them.
    /// </summary>
    public void AcceptOnlineReturn(Network.OnlineOrderDesk.OnlineReturn onlineReturn)
    {
        _knownReturns.Add(onlineReturn.Scheduled);
        _todaysSales[onlineReturn.Order.ReceiptIdExt] = onlineReturn.Order;
    }

    /// <summary>The business date's return plan, built once its opening hour is reached (all its returns are scheduled by then).</summary>
    private List<ReturnPlan.PlannedReturn> ReturnsOf(BusinessDay business)
    {
        if (!_returnPlans.TryGetValue(business.Date, out var plan))
        {
            plan = ReturnPlan.For(_world, _store, business, _knownReturns, id => _sales.GetValueOrDefault(id) ?? _todaysSales.GetValueOrDefault(id));
            _returnPlans[business.Date] = plan;
        }

        return plan;
    }

    private void ApplyReturn(ReturnPlan.PlannedReturn planned, FactBatch output)
    {
        var returnId = $"RET-{_dayKey}-{StoreId:000}-{++_returnSeq:000000}";
        var lines = new List<LineMoney>(planned.Lines.Count);
        for (var i = 0; i < planned.Lines.Count; i++)
        {
            var (line, _) = planned.Lines[i];
            var lineTs = planned.Ts.AddMilliseconds(i + 1);
            var money = line.Money.Negate();
            lines.Add(money);
            output.ReceiptLines.Add(new ReceiptLineFact(returnId, i + 1, lineTs, StoreId, line.ProductId, -line.Quantity, line.UnitCents, money, null));

            // Returned units come back as reserved: nobody can buy them before their disposition, one second later.
            var p = (int)line.ProductId - 1;
            _stock.Move(lineTs, p, line.Quantity, InventoryReasons.Return, returnId, output);
            _stock.Reserved[p] += line.Quantity;
        }

        var total = Money.Sum(lines);
        output.Receipts.Add(new ReceiptFact(
            returnId, planned.Ts, StoreId, planned.Scheduled.CustomerId, null, "RETURN", -planned.Lines.Sum(l => l.Line.Quantity), total,
            planned.Sale.ApprovedTender, null, null, null, planned.Scheduled.OfOnlineOrder ? null : planned.Sale.ReceiptIdExt)
        {
            ReturnForOrderIdExt = planned.Scheduled.OfOnlineOrder ? planned.Sale.ReceiptIdExt : null,
        });
        var ms = Tenders.ProcessingMs(_stream, planned.Sale.ApprovedTender);
        output.Payments.Add(new PaymentFact(
            $"TXN-{returnId}-1", planned.Ts.AddMilliseconds(ms), returnId, null, StoreId, planned.Scheduled.CustomerId, 1,
            planned.Sale.ApprovedTender, Tenders.Refunded, null, total.TotalCents, ms, null));
        _returnIds[planned] = returnId;
    }

    private void DisposeReturn(ReturnPlan.PlannedReturn planned, FactBatch output)
    {
        var returnId = _returnIds[planned];
        var ts = planned.Ts.AddSeconds(1);
        foreach (var (line, disposition) in planned.Lines)
        {
            var p = (int)line.ProductId - 1;
            _stock.Reserved[p] -= line.Quantity;
            if (disposition != ReturnPlan.Restock)
            {
                var reason = disposition == ReturnPlan.ReturnToVendor ? InventoryReasons.OutboundShipment : InventoryReasons.Damaged;
                _stock.Move(ts, p, -line.Quantity, reason, returnId, output);
            }
        }
    }
}
