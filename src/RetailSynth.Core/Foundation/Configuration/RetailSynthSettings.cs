using System.Reflection;

namespace RetailSynth.Foundation.Configuration;

/// <summary>The whole validated configuration, as loaded once at start-up.</summary>
public sealed record RetailSynthSettings(
    SimulationOptions Simulation,
    PerformanceOptions Performance,
    StorageOptions Storage,
    StreamingOptions Streaming,
    ServerOptions Server,
    UploadOptions Upload)
{
    // The positional parameters above are the one declaration of the sections: binding, unknown-key detection,
    // validation and GET /api/config all walk this list, so a new section or setting is declared once.
    private static readonly PropertyInfo[] s_sections = typeof(RetailSynthSettings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite)
        .ToArray();

    /// <summary>Every section by its configuration name (the property name), in declaration order.</summary>
    public IEnumerable<(string Name, object Section)> Sections =>
        s_sections.Select(p => (p.Name, p.GetValue(this)!));

    /// <summary>The sections that validate themselves (and hold secrets), by name.</summary>
    public IEnumerable<(string Name, ISettingsSection Section)> PlainSections =>
        Sections.Where(s => s.Section is ISettingsSection).Select(s => (s.Name, (ISettingsSection)s.Section));
}
