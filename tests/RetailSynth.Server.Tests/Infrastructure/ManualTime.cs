namespace RetailSynth.Server.Tests.Infrastructure;

/// <summary>A clock the test moves by hand (wall time only; elapsed-time stamps stay real).</summary>
public sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
