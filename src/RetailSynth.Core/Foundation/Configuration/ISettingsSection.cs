namespace RetailSynth.Foundation.Configuration;

/// <summary>
/// A plain options section bound by <see cref="SectionBinder"/>: public settable properties of simple types
/// (string, bool, int, long, double, TimeSpan, enums) or nested sections. Validation names each bad key.
/// </summary>
public interface ISettingsSection
{
    void Validate(string prefix, List<string> problems);
}
