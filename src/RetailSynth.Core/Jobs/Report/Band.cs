using System.Globalization;

namespace RetailSynth.Jobs.Report;

/// <summary>A closed interval a KPI value must lie in (either end open when null), with realism.md's wording of it.</summary>
internal sealed record Band(double? Min, double? Max, string Text)
{
    public static Band Between(double min, double max, string text) => new(min, max, text);

    public static Band AtLeast(double min, string text) => new(min, null, text);

    public static Band AtMost(double max, string text) => new(null, max, text);

    /// <summary>Exactly zero.</summary>
    public static Band None { get; } = new(0, 0, "0");

    /// <summary>Values are compared after rounding to 9 decimals, so a share of exactly 10 % is not lost to floating point.</summary>
    public bool Holds(double value)
    {
        var rounded = Math.Round(value, 9);
        return (Min is not { } min || rounded >= min) && (Max is not { } max || rounded <= max);
    }
}

/// <summary>How a value is shown.</summary>
internal static class Units
{
    public const string Percent = "percent";
    public const string Ratio = "ratio";
    public const string Count = "count";
    public const string Usd = "usd";
    public const string Hours = "hours";
    public const string Mph = "mph";
    public const string Date = "date";

    public static string Display(double? value, string unit) => value is not { } v ? "—" : unit switch
    {
        Percent => (v * 100).ToString(Math.Abs(v) < 0.01 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " %",
        Ratio => v.ToString("0.000", CultureInfo.InvariantCulture),
        Count => v.ToString("#,0", CultureInfo.InvariantCulture),
        Usd => "$" + v.ToString("#,0.00", CultureInfo.InvariantCulture),
        Hours => v.ToString("0.0", CultureInfo.InvariantCulture) + " h",
        Mph => v.ToString("0.0", CultureInfo.InvariantCulture) + " mph",
        Date => DateOnly.FromDayNumber((int)v).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => v.ToString(CultureInfo.InvariantCulture),
    };
}
