namespace RetailSynth.Jobs.Validation;

public enum InvariantOutcome
{
    Pass,
    Fail,
    Warn,
}
