using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// Walks an options object's settings (settable properties, nested objects and dictionaries) to bind them one by one
/// through <see cref="ConfigurationBinder"/>, to list the keys it understands and to redact its secrets. Binding per
/// setting, rather than the whole section at once, lets every unconvertible value be reported, never echoing a secret.
/// </summary>
public static class SectionBinder
{
    /// <summary>Sets every setting present in <paramref name="configuration"/>; each value that does not convert is one problem.</summary>
    public static void Bind(IConfiguration configuration, string prefix, object section, List<string> problems)
    {
        foreach (var (key, property, owner) in Settings(prefix, section))
        {
            if (configuration[key] is not { } raw)
            {
                continue;
            }

            if (TryConvert(configuration, key, raw, property.PropertyType, out var value))
            {
                property.SetValue(owner, value);
            }
            else
            {
                var shown = IsSecret(property) ? "a value that is not shown" : $"'{raw}'";
                problems.Add($"{key} must be {Expected(property.PropertyType)}, got {shown}");
            }
        }
    }

    /// <summary>Every key <paramref name="section"/> understands (dictionary entries as they are in the instance).</summary>
    public static IEnumerable<string> Keys(string prefix, object section) => Settings(prefix, section).Select(s => s.Key);

    /// <summary>The keys of <paramref name="section"/> whose values are secrets (<see cref="SecretAttribute"/>).</summary>
    public static IEnumerable<string> SecretKeys(string prefix, object section) =>
        Settings(prefix, section).Where(s => IsSecret(s.Property)).Select(s => s.Key);

    /// <summary>The section as key/value pairs with every <see cref="SecretAttribute"/> value replaced (GET /api/config).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Redacted(string prefix, object section)
    {
        foreach (var (key, property, owner) in Settings(prefix, section))
        {
            var value = property.GetValue(owner);
            if (IsSecret(property))
            {
                yield return KeyValuePair.Create<string, string?>(key, value is null or "" ? null : "***");
            }
            else
            {
                yield return KeyValuePair.Create(key, value switch
                {
                    null => null,
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => value.ToString(),
                });
            }
        }
    }

    private static IEnumerable<(string Key, PropertyInfo Property, object Owner)> Settings(string prefix, object section)
    {
        foreach (var property in section.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var key = $"{prefix}:{property.Name}";
            if (IsValue(property.PropertyType))
            {
                yield return (key, property, section);
                continue;
            }

            var nested = property.GetValue(section)!;
            var children = nested is IDictionary entries
                ? entries.Keys.Cast<object>().SelectMany(k => Settings($"{key}:{k}", entries[k]!))
                : Settings(key, nested);
            foreach (var child in children)
            {
                yield return child;
            }
        }
    }

    private static bool IsValue(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target.IsPrimitive || target.IsEnum
            || target == typeof(string) || target == typeof(decimal) || target == typeof(TimeSpan) || target == typeof(DateOnly);
    }

    private static bool IsSecret(PropertyInfo property) => property.GetCustomAttribute<SecretAttribute>() is not null;

    /// <summary>
    /// Converts with the binder, plus the few rules it does not know: durations people type (<c>90s</c>), finite numbers,
    /// enum names only (not numbers) and dates in their canonical <c>yyyy-MM-dd</c> form.
    /// </summary>
    private static bool TryConvert(IConfiguration configuration, string key, string raw, Type type, out object? value)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target == typeof(TimeSpan))
        {
            if (target != type && raw.Trim().Length == 0)
            {
                value = null;
                return true;
            }

            // The binder reads only hh:mm:ss; DurationParser (shared with `stream --duration`) reads that and 90s, 10m, 2h.
            var parsed = DurationParser.TryParse(raw, out var duration);
            value = duration;
            return parsed;
        }

        try
        {
            value = configuration.GetValue(type, key);
        }
        catch (InvalidOperationException)
        {
            // Its message quotes the raw value, which may be a secret: the caller words the problem instead.
            value = null;
            return false;
        }

        var text = raw.Trim();
        return value switch
        {
            double number => double.IsFinite(number),
            Enum => Enum.GetNames(target).Contains(text, StringComparer.OrdinalIgnoreCase),
            DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == text,
            _ => true,
        };
    }

    private static string Expected(Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return target switch
        {
            _ when target == typeof(bool) => "true or false",
            _ when target == typeof(int) => "a whole number (32-bit)",
            _ when target == typeof(long) => "a whole number (64-bit)",
            _ when target == typeof(double) || target == typeof(decimal) => "a number",
            _ when target == typeof(TimeSpan) => "a duration such as 30s, 10m, 2h or 00:10:00",
            _ when target == typeof(DateOnly) => "a date in yyyy-MM-dd form",
            _ when target.IsEnum => $"one of {string.Join(", ", Enum.GetNames(target).Select(n => n.ToLowerInvariant()))}",
            _ => $"a {target.Name} value",
        };
    }
}
