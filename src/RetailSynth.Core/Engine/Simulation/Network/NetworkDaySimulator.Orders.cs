using RetailSynth.Engine.Simulation.Inventory;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;

namespace RetailSynth.Engine.Simulation.Network;

/// <summary>Marketing and online orders inside Phase A (§14, §15): the hour-00 plans, order creation and order transitions.</summary>
internal sealed partial class NetworkDaySimulator
{
    private const int EventOrder = 3;

    private List<MarketingFact> _impressions = [];
    private List<OnlineOrderDesk.PlannedOrder> _plannedOrders = [];
    private List<PaymentFact> _paymentsOfLaterHours = [];
    private List<OnlineOrderDesk.OnlineReturn> _onlineReturns = [];

    /// <summary>The returns decided at this hour's DELIVERED transitions, for the returning stores (§11); the list is handed over once.</summary>
    public List<OnlineOrderDesk.OnlineReturn> TakeOnlineReturns()
    {
        var taken = _onlineReturns;
        _onlineReturns = [];
        return taken;
    }

    /// <summary>Hour 00: the impression plan (new conversions join the state), then the day's online orders.</summary>
    private void PlanMarketingAndOrders()
    {
        var plan = MarketingPlanner.Run(
            _world, _state, _day, _shoppers, _world.Random.Stream(RandomComponents.Campaigns, _day), _world.Random.Stream(RandomComponents.Marketing, _day));
        _impressions = plan.Impressions;
        _state.PendingConversions.AddRange(plan.Conversions);

        // Online conversions due before 23:59:00 are created today; one due at or after 23:59:00 waits for 00:00:00 tomorrow.
        var cutoff = _day.ToDateTime(new TimeOnly(23, 59), DateTimeKind.Utc);
        var due = _state.PendingConversions.Where(c => c.Target == PendingConversion.Online && c.DueTs < cutoff).ToList();
        _state.PendingConversions.RemoveAll(c => c.Target == PendingConversion.Online && c.DueTs < cutoff);
        _plannedOrders = _orders.Plan(due, _shoppers);
    }

    /// <summary>
    /// An online payment is timed attempt start + processing ms (§15), so one of an order created (or cancelled) in an
    /// hour's last seconds can fall in the next hour. Like every row it is emitted with the hour of its event_ts (§8),
    /// which keeps the day's outbox in event_ts order; the last hour keeps everything, as the day holds no later hour.
    /// </summary>
    private void MovePaymentsToTheirHour(int hour, DateTime hourEnd, FactBatch output)
    {
        output.Payments.AddRange(_paymentsOfLaterHours);
        _paymentsOfLaterHours = hour == 23 ? [] : output.Payments.Where(p => p.EventTs >= hourEnd).ToList();
        if (_paymentsOfLaterHours.Count > 0)
        {
            output.Payments.RemoveAll(p => p.EventTs >= hourEnd);
        }
    }

    private void EnqueueOrders(
        PriorityQueue<Action, (DateTime, int, string)> queue, DateTime hourStart, DateTime hourEnd, FactBatch output, List<StorePick>[] picks)
    {
        foreach (var planned in _plannedOrders.Where(o => o.CreatedTs >= hourStart && o.CreatedTs < hourEnd))
        {
            queue.Enqueue(
                () =>
                {
                    if (_orders.Create(planned, output) is { } order)
                    {
                        _state.OpenOrders.Add(order);
                        EnqueueOrderStep(queue, order, hourStart, hourEnd, output, picks);
                    }
                },
                (planned.CreatedTs, EventOrder, $"{planned.Seq:000000}"));
        }

        foreach (var order in _state.OpenOrders)
        {
            EnqueueOrderStep(queue, order, hourStart, hourEnd, output, picks);
        }
    }

    /// <summary>Queues the order's next transition if it falls inside the hour; each step queues the one after it.</summary>
    private void EnqueueOrderStep(
        PriorityQueue<Action, (DateTime, int, string)> queue, OpenOrder order, DateTime hourStart, DateTime hourEnd, FactBatch output, List<StorePick>[] picks)
    {
        if (order.Closed)
        {
            return;
        }

        DateTime? at = order.NextStatus switch
        {
            OrderStatus.Picked => order.PickedTs,
            OrderStatus.Shipped => order.ShippedTs,
            OrderStatus.Delivered => order.DeliveredTs,
            OrderStatus.Cancelled => order.CancelTs,
            _ => order.RefundTs,
        };
        if (at is { } t && t >= hourStart && t < hourEnd)
        {
            queue.Enqueue(
                () =>
                {
                    StepOrder(order, t, output, picks);
                    EnqueueOrderStep(queue, order, hourStart, hourEnd, output, picks);
                },
                (t, EventOrder, order.OrderIdExt));
        }
    }

    private void StepOrder(OpenOrder order, DateTime at, FactBatch output, List<StorePick>[] picks)
    {
        var status = order.NextStatus;
        if (status != OrderStatus.Refunded)
        {
            output.OnlineOrderStatus.Add(new OnlineOrderStatusFact(order.OrderIdExt, status, at, order.FulfillmentMode, order.NodeType, order.NodeId)
            {
                CorrelationId = order.CorrelationId,
            });
        }

        switch (status)
        {
            case OrderStatus.Picked:
                Pick(order, at.AddMilliseconds(1), output, picks);
                order.NextStatus = order.ShippedTs is null ? OrderStatus.Delivered : OrderStatus.Shipped;
                break;
            case OrderStatus.Shipped:
                order.NextStatus = OrderStatus.Delivered;
                break;
            case OrderStatus.Cancelled:
                var ledger = order.NodeType == "STORE" ? _state.StoreStock[_world.IndexOf(order.NodeId)] : _state.DcStock[_world.IndexOf(order.NodeId)];
                foreach (var (productId, quantity) in order.Lines)
                {
                    ledger.Reserved[productId - 1] -= quantity;
                }

                if (order.TotalCents > 0)
                {
                    order.RefundTs = at.AddMilliseconds(_orders.RefundProcessingMs(order.Tender));
                    order.NextStatus = OrderStatus.Refunded;
                    return; // written now if it falls today, otherwise by the day that contains it
                }

                Close(order);
                break;
            case OrderStatus.Delivered:
                if (_orders.DecideReturn(order, at) is { } scheduledReturn)
                {
                    _onlineReturns.Add(scheduledReturn);
                }

                Close(order);
                break;
            case OrderStatus.Refunded:
                var ms = (int)(at - order.CancelTs!.Value).TotalMilliseconds;
                output.Payments.Add(new PaymentFact(
                    $"TXN-{order.OrderIdExt}-{order.LastAttempt + 1}", at, null, order.OrderIdExt, null, order.CustomerId, order.LastAttempt + 1,
                    order.Tender, Tenders.Refunded, null, -order.TotalCents, ms, order.CorrelationId)
                {
                    OrderNode = new FulfillmentNode(order.NodeType, order.NodeId),
                });
                Close(order);
                break;
            default:
                Close(order);
                break;
        }
    }

    private void Close(OpenOrder order)
    {
        order.Close();
        _state.OpenOrders.Remove(order);
    }

    /// <summary>PICKED: reserved units leave the node as SALE movements at +1 ms (a store applies them in its Phase B).</summary>
    private void Pick(OpenOrder order, DateTime at, FactBatch output, List<StorePick>[] picks)
    {
        if (order.NodeType == "STORE")
        {
            picks[_world.IndexOf(order.NodeId)].Add(new StorePick(at, order.OrderIdExt, order.Lines));
            return;
        }

        var dc = _state.DcStock[_world.IndexOf(order.NodeId)];
        foreach (var (productId, quantity) in order.Lines.OrderBy(l => l.ProductId))
        {
            var p = (int)productId - 1;
            dc.Reserved[p] -= quantity;
            dc.Move(at, p, -quantity, InventoryReasons.Sale, order.OrderIdExt, output);
        }
    }
}

/// <summary>An online order picked at a store: applied in the store's Phase B at PICKED + 1 ms (§12.2).</summary>
internal sealed record StorePick(DateTime Ts, string OrderIdExt, IReadOnlyList<(long ProductId, int Quantity)> Lines);
