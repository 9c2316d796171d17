namespace RetailSynth.Jobs.Validation;

/// <summary>What one check found: how many rows violate it and how long it took.</summary>
public sealed record InvariantResult(Invariant Invariant, long Violations, TimeSpan Elapsed)
{
    public string Id => Invariant.Id;

    public int Family => Invariant.Family;

    public string Description => Invariant.Description;

    public InvariantSeverity Severity => Invariant.Severity;

    public double ElapsedMilliseconds => Elapsed.TotalMilliseconds;

    public InvariantOutcome Outcome => Violations == 0
        ? InvariantOutcome.Pass
        : Severity == InvariantSeverity.Error ? InvariantOutcome.Fail : InvariantOutcome.Warn;
}
