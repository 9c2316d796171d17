
namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>
/// A store sale or an online order (<paramref name="ReceiptIdExt"/> holds the <c>ONL-…</c> id) that is due to be
/// returned: its lines and approved tender, read from the fact tables before the day runs (returns copy the sold
/// lines' cents with the sign flipped, §4, §11).
/// </summary>
public sealed record SaleForReturn(string ReceiptIdExt, string ApprovedTender, IReadOnlyList<SoldLine> Lines)
{
    /// <summary>The approved store sales and online orders of a simulated day, optionally only those named, as the return lookup reads them.</summary>
    public static IEnumerable<SaleForReturn> FromFacts(FactBatch facts, IReadOnlySet<string>? only = null)
    {
        var approved = facts.Payments
            .Where(p => p.Status == "APPROVED" && (p.ReceiptIdExt ?? p.OrderIdExt) is { } id && (only is null || only.Contains(id)))
            .ToDictionary(p => (p.ReceiptIdExt ?? p.OrderIdExt)!, p => p.PaymentMethod, StringComparer.Ordinal);
        var sales = facts.ReceiptLines
            .Where(l => approved.ContainsKey(l.ReceiptIdExt))
            .GroupBy(l => l.ReceiptIdExt)
            .Select(lines => new SaleForReturn(
                lines.Key, approved[lines.Key], [.. lines.Select(l => new SoldLine(l.LineNum, l.ProductId, l.Quantity, l.UnitCents, l.Money))]));
        var orders = facts.OnlineOrderLines
            .Where(l => approved.ContainsKey(l.OrderIdExt))
            .GroupBy(l => l.OrderIdExt)
            .Select(lines => new SaleForReturn(
                lines.Key, approved[lines.Key], [.. lines.Select(l => new SoldLine(l.LineNum, l.ProductId, l.Quantity, l.UnitCents, l.Money))]));
        return sales.Concat(orders);
    }
}

public sealed record SoldLine(int LineNum, long ProductId, int Quantity, long UnitCents, LineMoney Money);
