namespace RetailSynth.Streaming.Sinks;

/// <summary>What a sink did with each event of one batch, plus the failure that stopped the rest, if any.</summary>
public sealed class SendReport
{
    private readonly DeliveryState[] _states;
    private readonly string?[] _reasons;

    public SendReport(int count)
    {
        _states = new DeliveryState[count];
        _reasons = new string?[count];
    }

    public int Count => _states.Length;

    public SinkFailure? Failure { get; private set; }

    public DeliveryState this[int index] => _states[index];

    public string? RejectionReason(int index) => _reasons[index];

    public static SendReport AllDelivered(int count)
    {
        var report = new SendReport(count);
        Array.Fill(report._states, DeliveryState.Delivered);
        return report;
    }

    public static SendReport Failed(int count, SinkFailure failure)
    {
        var report = new SendReport(count);
        report.Failure = failure;
        return report;
    }

    public void Delivered(int index) => _states[index] = DeliveryState.Delivered;

    public void Rejected(int index, string reason)
    {
        _states[index] = DeliveryState.Rejected;
        _reasons[index] = reason;
    }

    public void Fail(SinkFailure failure) => Failure ??= failure;

    public int CountOf(DeliveryState state) => _states.Count(s => s == state);
}
