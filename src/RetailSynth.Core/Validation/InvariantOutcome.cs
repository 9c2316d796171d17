namespace RetailSynth.Validation;

public enum InvariantOutcome
{
    Pass,
    Fail,
    Warn,
}
