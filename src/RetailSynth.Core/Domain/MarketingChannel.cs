namespace RetailSynth.Domain;

/// <summary>Vocabulary <c>channel</c> (data-model §3.4); names are the stored values.</summary>
#pragma warning disable CA1707 // enumeration values are the UPPER_SNAKE_CASE strings stored and streamed
internal enum MarketingChannel
{
    EMAIL,
    DISPLAY,
    SOCIAL,
    SEARCH,
    FACEBOOK,
    GOOGLE,
    INSTAGRAM,
    YOUTUBE,
}
#pragma warning restore CA1707
