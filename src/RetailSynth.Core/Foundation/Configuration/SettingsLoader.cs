using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;
using RetailSynth.Domain;
using RetailSynth.Foundation.Errors;

namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// Reads <c>retailsynth.json</c>, <c>RETAILSYNTH__*</c> environment variables and command-line
/// overrides, applies the profile, parses every value and validates the result. Every problem
/// is collected and reported at once; unknown settings are rejected (data-model P13).
/// </summary>
public static class SettingsLoader
{
    private static readonly PropertyInfo[] s_simulationSettings = typeof(SimulationOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.Name is not nameof(SimulationOptions.Profile) and not nameof(SimulationOptions.MarketingCost))
        .ToArray();

    private static readonly (string Name, Type Type)[] s_plainSections =
        [("Streaming", typeof(StreamingOptions)), ("Server", typeof(ServerOptions)), ("Upload", typeof(UploadOptions))];

    public static RetailSynthSettings Load(SettingsSources sources, DictionaryLimits limits)
    {
        var configuration = Build(sources);
        var problems = new List<string>();

        RejectUnknownKeys(configuration, problems);

        var profileName = configuration["Simulation:Profile"] ?? SimulationProfiles.Small;
        var simulation = SimulationProfiles.Create(profileName);
        if (simulation is null)
        {
            problems.Add($"Simulation:Profile '{profileName}' is not a profile (use {string.Join(" or ", SimulationProfiles.Names)})");
            simulation = SimulationProfiles.Create(SimulationProfiles.Small)!;
        }

        foreach (var property in s_simulationSettings)
        {
            var key = $"Simulation:{property.Name}";
            if (configuration[key] is { } raw && TryParse(key, raw, property.PropertyType, problems, out var value))
            {
                property.SetValue(simulation, value);
            }
        }

        foreach (var (channel, range) in simulation.MarketingCost)
        {
            foreach (var bound in new[] { "Min", "Max" })
            {
                var key = $"Simulation:MarketingCost:{channel}:{bound}";
                if (configuration[key] is { } raw && TryParse(key, raw, typeof(decimal), problems, out var value))
                {
                    if (bound == "Min")
                    {
                        range.Min = (decimal)value!;
                    }
                    else
                    {
                        range.Max = (decimal)value!;
                    }
                }
            }
        }

        var performance = new PerformanceOptions();
        if (configuration["Performance:MaxDegreeOfParallelism"] is { } dop
            && TryParse("Performance:MaxDegreeOfParallelism", dop, typeof(int), problems, out var dopValue))
        {
            performance.MaxDegreeOfParallelism = (int)dopValue!;
        }

        var storage = new StorageOptions();
        if (configuration["Storage:DatabasePath"] is { } path)
        {
            storage.DatabasePath = path;
        }

        SettingsValidator.Validate(simulation, performance, storage, limits, problems);
        var settings = new RetailSynthSettings(simulation, performance, storage, new StreamingOptions(), new ServerOptions(), new UploadOptions());
        foreach (var (name, section) in settings.PlainSections)
        {
            var before = problems.Count;
            SectionBinder.Bind(configuration, name, section, problems);
            if (problems.Count == before)
            {
                section.Validate(name, problems);
            }
        }

        if (problems.Count > 0)
        {
            throw new SettingsException(problems);
        }

        return settings;
    }

    /// <summary>Every key this build understands, for unknown-setting detection.</summary>
    public static IReadOnlySet<string> KnownKeys()
    {
        var keys = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Simulation:Profile",
            "Performance:MaxDegreeOfParallelism",
            "Storage:DatabasePath",
        };
        foreach (var property in s_simulationSettings)
        {
            keys.Add($"Simulation:{property.Name}");
        }

        foreach (var (name, type) in s_plainSections)
        {
            keys.UnionWith(SectionBinder.Keys(name, type));
        }

        foreach (var channel in Enum.GetNames<MarketingChannel>())
        {
            keys.Add($"Simulation:MarketingCost:{channel}:Min");
            keys.Add($"Simulation:MarketingCost:{channel}:Max");
        }

        return keys;
    }

    private static IConfigurationRoot Build(SettingsSources sources)
    {
        var builder = new ConfigurationBuilder();
        var file = sources.ConfigFile ?? Path.Combine(sources.WorkingDirectory, SettingsSources.DefaultConfigFile);
        if (sources.ConfigFile is not null && !File.Exists(file))
        {
            throw new SettingsException([$"the configuration file '{sources.ConfigFile}' does not exist"]);
        }

        if (File.Exists(file))
        {
            builder.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: false);
        }

        var environment = sources.Environment
            .Where(e => e.Key.StartsWith(SettingsSources.EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(e => KeyValuePair.Create(
                e.Key[SettingsSources.EnvironmentPrefix.Length..].Replace("__", ":", StringComparison.Ordinal),
                e.Value));
        builder.AddInMemoryCollection(environment);
        builder.AddInMemoryCollection(sources.Overrides);

        try
        {
            return builder.Build();
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            var detail = ex.InnerException?.Message ?? ex.Message;
            throw new SettingsException([$"'{file}' is not valid JSON ({detail.TrimEnd('.')})"]);
        }
    }

    private static void RejectUnknownKeys(IConfiguration configuration, List<string> problems)
    {
        var known = KnownKeys();
        foreach (var (key, value) in configuration.AsEnumerable().OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (value is null || known.Contains(key))
            {
                continue;
            }

            var suggestion = known.MinBy(k => EditDistance(k.ToUpperInvariant(), key.ToUpperInvariant()));
            var hint = suggestion is not null && EditDistance(suggestion.ToUpperInvariant(), key.ToUpperInvariant()) <= 3
                ? $" (did you mean '{suggestion}'?)"
                : string.Empty;
            problems.Add($"unknown setting '{key}'{hint}");
        }
    }

    private static bool TryParse(string key, string raw, Type type, List<string> problems, out object? value)
    {
        var text = raw.Trim();
        bool ok;
        (ok, value) = type switch
        {
            _ when type == typeof(int) => (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i), (object)i),
            _ when type == typeof(long) => (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l), l),
            _ when type == typeof(double) => (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d), d),
            _ when type == typeof(decimal) => (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var m), m),
            _ when type == typeof(DateOnly) => (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date), date),
            _ => throw new NotSupportedException(type.Name),
        };
        if (!ok)
        {
            problems.Add($"{key} must be {Describe(type)}, got '{raw}'");
        }

        return ok;
    }

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(int) => "a whole number (32-bit)",
        _ when type == typeof(long) => "a whole number (64-bit)",
        _ when type == typeof(DateOnly) => "a date in yyyy-MM-dd form",
        _ => "a number",
    };

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
