using System.Globalization;

namespace RetailSynth.Foundation.Configuration;

/// <summary>Durations as people type them: <c>90s</c>, <c>10m</c>, <c>1.5h</c>, <c>2d</c>, or <c>hh:mm:ss</c>.</summary>
public static class DurationParser
{
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        text = text.Trim();
        if (text.Length < 2)
        {
            return false;
        }

        var unit = char.ToLowerInvariant(text[^1]);
        var multiplier = unit switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            _ => TimeSpan.Zero,
        };
        if (multiplier == TimeSpan.Zero)
        {
            return TimeSpan.TryParseExact(text, @"hh\:mm\:ss", CultureInfo.InvariantCulture, out duration);
        }

        if (!double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            || !double.IsFinite(amount) || amount > 100_000)
        {
            return false;
        }

        duration = multiplier * amount;
        return true;
    }
}
