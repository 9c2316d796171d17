using RetailSynth.Engine.Simulation.State;

namespace RetailSynth.Engine.Simulation.Network;

internal sealed partial class NetworkDaySimulator
{
    /// <summary>
    /// §13.1 allocation at the start of hour h: the store lines recorded before h, in (priority, reviewed_ts, store_id,
    /// product_id) order, take what the store's assigned DC can sell; what is allocated is reserved at the DC, on order at
    /// the store and joins the route's pool. A line with nothing allocated is dropped: the store re-orders at its next review.
    /// </summary>
    private void AllocateReorders(DateTime hourStart)
    {
        if (_state.OpenReorders.Count == 0)
        {
            return;
        }

        var ordered = _state.OpenReorders
            .OrderBy(r => Priorities.Rank(r.Priority)).ThenBy(r => r.ReviewedTs).ThenBy(r => r.StoreId).ThenBy(r => r.ProductId)
            .ThenBy(r => r.ReorderId, StringComparer.Ordinal)
            .ToList();
        _state.OpenReorders.Clear();

        foreach (var reorder in ordered)
        {
            var store = _world.Stores[_world.IndexOf(reorder.StoreId)].Store;
            var dc = _state.DcStock[_world.IndexOf(store.NearestDcId)];
            var p = (int)reorder.ProductId - 1;
            var allocated = (int)Math.Min(reorder.Quantity, Math.Max(0, dc.Sellable(p)));
            if (allocated == 0)
            {
                continue;
            }

            dc.Reserved[p] += allocated;
            _state.StoreStock[_world.IndexOf(reorder.StoreId)].OnOrder[p] += allocated;
            _state.PooledLines.Add(new PooledLine
            {
                ReorderId = reorder.ReorderId,
                StoreId = reorder.StoreId,
                DcId = store.NearestDcId,
                RouteId = store.RouteId,
                ProductId = reorder.ProductId,
                Quantity = reorder.Quantity,
                Priority = reorder.Priority,
                ReviewedTs = reorder.ReviewedTs,
                PooledTs = hourStart,
                Allocated = allocated,
            });
        }
    }
}
