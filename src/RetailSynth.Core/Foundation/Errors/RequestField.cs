namespace RetailSynth.Foundation.Errors;

/// <summary>
/// A field of a job request that a core message may name. Each host names it the way its user types it (a CLI flag, a
/// JSON field); the core's own message uses <see cref="RequestFields.Neutral"/>.
/// </summary>
public enum RequestField
{
    /// <summary>How many days to generate.</summary>
    Days,

    /// <summary>The last day to generate.</summary>
    EndDate,

    /// <summary>The first day of an export's range.</summary>
    From,

    /// <summary>The last day of an export's range.</summary>
    To,
}
