namespace RetailSynth.Engine.Simulation.Stores;

/// <summary>
/// A visit as drawn when its slot is planned (§10.4): who, the intended basket, the path and its times.
/// The stock bound, promotion and payment are applied later, at the receipt time, in store order.
/// </summary>
internal sealed class PlannedVisit
{
    public required int Order { get; init; }
    public required bool Buyer { get; init; }
    public required int[] Path { get; init; }
    public required int[] Dwell { get; init; }
    public required DateTime Entry { get; init; }
    public required DateTime SlotStart { get; init; }
    public required DateOnly BusinessDate { get; init; }
    public int Customer { get; init; } = -1;
    public int Segment { get; init; }
    public List<(int Product, int Quantity)> Lines { get; init; } = [];

    /// <summary>0 none, 1 the customer's app (known device), 2 an anonymous device.</summary>
    public int Detection { get; init; }
    public List<(int Zone, DateTime Ts, int Rssi)> Pings { get; init; } = [];

    /// <summary>The marketing conversion this visit realises, if any (§14.3).</summary>
    public State.PendingConversion? Conversion { get; init; }

    /// <summary>t_r: the end of the CHECKOUT dwell (sorted on often, so computed once).</summary>
    public DateTime ReceiptTs => _receiptTs ??= Entry.AddSeconds(Dwell.Sum());

    private DateTime? _receiptTs;

    public DateTime ZoneStart(int index)
    {
        var seconds = 0;
        for (var i = 0; i < index; i++)
        {
            seconds += Dwell[i];
        }

        return Entry.AddSeconds(seconds);
    }
}
