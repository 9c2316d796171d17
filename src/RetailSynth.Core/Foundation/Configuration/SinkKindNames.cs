namespace RetailSynth.Foundation.Configuration;

/// <summary>How a sink kind is named to users (status lines, the API): the lowercase setting value.</summary>
public static class SinkKindNames
{
    public static string Label(this SinkKind kind) => kind.ToString().ToLowerInvariant();
}
