using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// Binds an <see cref="ISettingsSection"/> by reflection, collecting every unparsable value as a problem
/// (never echoing a secret), and lists the keys it understands for unknown-setting detection.
/// </summary>
public static class SectionBinder
{
    public static void Bind(IConfiguration configuration, string prefix, object section, List<string> problems)
    {
        foreach (var property in Settable(section.GetType()))
        {
            var key = $"{prefix}:{property.Name}";
            if (IsNested(property.PropertyType))
            {
                Bind(configuration, key, property.GetValue(section)!, problems);
                continue;
            }

            if (configuration[key] is not { } raw)
            {
                continue;
            }

            if (TryParse(raw, property.PropertyType, out var value, out var expected))
            {
                property.SetValue(section, value);
            }
            else
            {
                var shown = IsSecret(property) ? "a value that is not shown" : $"'{raw}'";
                problems.Add($"{key} must be {expected}, got {shown}");
            }
        }
    }

    public static IEnumerable<string> Keys(string prefix, Type sectionType)
    {
        foreach (var property in Settable(sectionType))
        {
            var key = $"{prefix}:{property.Name}";
            if (IsNested(property.PropertyType))
            {
                foreach (var nested in Keys(key, property.PropertyType))
                {
                    yield return nested;
                }
            }
            else
            {
                yield return key;
            }
        }
    }

    /// <summary>The section as key/value pairs with every <see cref="SecretAttribute"/> value replaced (GET /api/config).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Redacted(string prefix, object section)
    {
        foreach (var property in Settable(section.GetType()))
        {
            var key = $"{prefix}:{property.Name}";
            var value = property.GetValue(section);
            if (IsNested(property.PropertyType))
            {
                foreach (var nested in Redacted(key, value!))
                {
                    yield return nested;
                }
            }
            else if (IsSecret(property))
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

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || IsNested(p.PropertyType));

    private static bool IsNested(Type type) => typeof(ISettingsSection).IsAssignableFrom(type);

    private static bool IsSecret(PropertyInfo property) => property.GetCustomAttribute<SecretAttribute>() is not null;

    private static bool TryParse(string raw, Type type, out object? value, out string expected)
    {
        var text = raw.Trim();
        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target != type && text.Length == 0)
        {
            value = null;
            expected = string.Empty;
            return true;
        }

        bool ok;
        (ok, value, expected) = target switch
        {
            _ when target == typeof(string) => (true, (object?)raw, "text"),
            _ when target == typeof(bool) => (bool.TryParse(text, out var b), b, "true or false"),
            _ when target == typeof(int) => (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i), i, "a whole number (32-bit)"),
            _ when target == typeof(long) => (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l), l, "a whole number (64-bit)"),
            _ when target == typeof(double) => (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d), d, "a number"),
            _ when target == typeof(TimeSpan) => (DurationParser.TryParse(text, out var t), t, "a duration such as 30s, 10m, 2h or 00:10:00"),
            _ when target.IsEnum => (Enum.TryParse(target, text, ignoreCase: true, out var e) && Enum.IsDefined(target, e!) && !int.TryParse(text, out _), e,
                $"one of {string.Join(", ", Enum.GetNames(target).Select(n => n.ToLowerInvariant()))}"),
            _ => throw new NotSupportedException($"settings of type {target.Name} are not supported"),
        };
        return ok;
    }
}
