namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// An options section that validates itself once <see cref="SectionBinder"/> has bound it: public settable properties
/// of simple types (string, bool, int, long, double, TimeSpan, enums) or nested sections. Validation names each bad key.
/// </summary>
public interface ISettingsSection
{
    void Validate(string prefix, List<string> problems);
}
