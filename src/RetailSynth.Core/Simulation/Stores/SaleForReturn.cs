using RetailSynth.Domain.Facts;

namespace RetailSynth.Simulation.Stores;

/// <summary>
/// A committed sale that is due to be returned: its lines and approved tender, read from the fact
/// tables before the day runs (returns copy the sold lines' cents with the sign flipped, §4, §11).
/// </summary>
public sealed record SaleForReturn(string ReceiptIdExt, string ApprovedTender, IReadOnlyList<SoldLine> Lines);

public sealed record SoldLine(int LineNum, long ProductId, int Quantity, long UnitCents, LineMoney Money);
