namespace RetailSynth.Foundation.Errors;

/// <summary>The core's own names of the <see cref="RequestField"/>s, in words rather than any host's spelling.</summary>
public static class RequestFields
{
    public static string Neutral(RequestField field) => field switch
    {
        RequestField.Days => "the number of days",
        RequestField.EndDate => "the end date",
        RequestField.From => "the start date",
        RequestField.To => "the end date",
        _ => field.ToString(),
    };
}
