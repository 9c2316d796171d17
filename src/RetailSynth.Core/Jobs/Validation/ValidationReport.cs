namespace RetailSynth.Jobs.Validation;

/// <summary>Every check's result, in catalog order. Only failed errors make a dataset invalid; warnings do not.</summary>
public sealed record ValidationReport(IReadOnlyList<InvariantResult> Results, TimeSpan Elapsed)
{
    public int Passed => Results.Count(r => r.Outcome == InvariantOutcome.Pass);

    public int Failed => Results.Count(r => r.Outcome == InvariantOutcome.Fail);

    public int Warnings => Results.Count(r => r.Outcome == InvariantOutcome.Warn);

    public bool IsValid => Failed == 0;
}
