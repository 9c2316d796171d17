using Microsoft.Extensions.Configuration;

namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// Reads <c>retailsynth.json</c>, <c>RETAILSYNTH__*</c> environment variables and command-line
/// overrides, applies the profile, binds every setting through <see cref="SectionBinder"/> and validates the
/// result. Every problem is collected and reported at once; unknown settings are rejected with a "did you mean"
/// (data-model P13), which is why unknown keys are found here rather than by the binder's
/// <c>ErrorOnUnknownConfiguration</c>, which stops at the first.
/// </summary>
public static class SettingsLoader
{
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

        // The profile chose the defaults above; binding would otherwise replace its canonical (lower-case) name.
        var profile = simulation.Profile;
        var settings = WithDefaults(simulation);
        var boundCleanly = new List<(string Name, ISettingsSection Section)>();
        foreach (var (name, section) in settings.Sections)
        {
            var before = problems.Count;
            SectionBinder.Bind(configuration, name, section, problems);
            if (section is ISettingsSection validating && problems.Count == before)
            {
                boundCleanly.Add((name, validating));
            }
        }

        simulation.Profile = profile;

        // Simulation, Performance and Storage are validated even around a bad value, which keeps its profile default.
        SettingsValidator.Validate(settings.Simulation, settings.Performance, settings.Storage, limits, problems);
        foreach (var (name, section) in boundCleanly)
        {
            section.Validate(name, problems);
        }

        if (problems.Count > 0)
        {
            throw new SettingsException(problems);
        }

        return settings;
    }

    /// <summary>Every key whose value is a secret (connection strings, keys), as this build names them.</summary>
    public static IReadOnlySet<string> SecretKeys() =>
        WithDefaults(SimulationProfiles.Create(SimulationProfiles.Small)!).Sections
            .SelectMany(s => SectionBinder.SecretKeys(s.Name, s.Section))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every key this build understands, for unknown-setting detection.</summary>
    public static IReadOnlySet<string> KnownKeys() =>
        WithDefaults(SimulationProfiles.Create(SimulationProfiles.Small)!).Sections
            .SelectMany(s => SectionBinder.Keys(s.Name, s.Section))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private static RetailSynthSettings WithDefaults(SimulationOptions simulation) =>
        new(simulation, new PerformanceOptions(), new StorageOptions(), new StreamingOptions(), new ServerOptions(), new UploadOptions());

    private static IConfigurationRoot Build(SettingsSources sources)
    {
        var builder = new ConfigurationBuilder();
        var file = sources.ConfigFile ?? Path.Combine(sources.WorkingDirectory, SettingsSources.DefaultConfigFile);
        if (sources.ConfigJson is null && sources.ConfigFile is not null && !File.Exists(file))
        {
            throw new SettingsException([$"the configuration file '{sources.ConfigFile}' does not exist"]);
        }

        if (sources.ConfigJson is { } json)
        {
            builder.AddJsonStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json)));
        }
        else if (File.Exists(file))
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
            var name = sources.ConfigJson is null ? $"'{file}'" : "the configuration";
            throw new SettingsException([$"{name} is not valid JSON ({detail.TrimEnd('.')})"]);
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

            if (RenamedSettings.Problem(key) is { } renamed)
            {
                problems.Add(renamed);
                continue;
            }

            var suggestion = known.MinBy(k => EditDistance(k.ToUpperInvariant(), key.ToUpperInvariant()));
            var hint = suggestion is not null && EditDistance(suggestion.ToUpperInvariant(), key.ToUpperInvariant()) <= 3
                ? $" (did you mean '{suggestion}'?)"
                : string.Empty;
            problems.Add($"unknown setting '{key}'{hint}");
        }
    }

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
