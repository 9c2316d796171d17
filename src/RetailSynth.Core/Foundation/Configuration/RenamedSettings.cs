namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// Settings an earlier model read under another name or unit. Like any unknown setting they are rejected at start-up
/// (data-model P13), but with a message naming the replacement, since a silently ignored old key would change the data.
/// </summary>
internal static class RenamedSettings
{
    // Old prefix, new prefix and what changed, checked case-insensitively as configuration keys are.
    private static readonly (string Old, string New, string Change)[] s_renamed =
    [
        ("Simulation:MarketingCost", "Simulation:MarketingCpm",
            "in USD per 1,000 impressions instead of per impression (multiply the old value by 1,000)"),
    ];

    /// <summary>The problem to report for <paramref name="key"/> if it is a renamed setting, else null.</summary>
    public static string? Problem(string key)
    {
        foreach (var (old, replacement, change) in s_renamed)
        {
            if (key.Equals(old, StringComparison.OrdinalIgnoreCase)
                || key.StartsWith(old + ":", StringComparison.OrdinalIgnoreCase))
            {
                return $"setting '{key}' was replaced in model v2 by '{replacement}{key[old.Length..]}', {change}";
            }
        }

        return null;
    }
}
