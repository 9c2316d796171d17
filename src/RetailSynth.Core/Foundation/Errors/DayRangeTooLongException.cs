namespace RetailSynth.Foundation.Errors;

/// <summary>
/// A request for more historical days than one run may generate (<c>SettingsLimits.MaxDaysPerRun</c> after the
/// watermark): bad input, so the CLI exits 1 and the API answers 400 naming the field.
/// </summary>
public sealed class DayRangeTooLongException(string message) : RetailSynthException(message);
