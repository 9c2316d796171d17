namespace RetailSynth.Jobs.Validation;

/// <summary>How a violated invariant counts: an error fails <c>validate</c>, a warning is only reported.</summary>
public enum InvariantSeverity
{
    Error,
    Warning,
}
