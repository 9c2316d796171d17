using System.Globalization;
using Spectre.Console;

namespace RetailSynth.Cli;

/// <summary>The UTC dates the options take (<c>--from</c>, <c>--to</c>): yyyy-MM-dd, nothing else.</summary>
internal static class DateOption
{
    public static DateOnly? Parse(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>The error of the first option that is given but is no date; null when each is a date or absent.</summary>
    public static ValidationResult? Refuse(params (string Option, string? Value)[] options)
    {
        foreach (var (option, value) in options)
        {
            if (value is not null && Parse(value) is null)
            {
                return ValidationResult.Error($"{option} must be a date in yyyy-MM-dd form, got '{value}'.");
            }
        }

        return null;
    }
}
