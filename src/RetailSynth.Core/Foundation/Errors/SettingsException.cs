namespace RetailSynth.Foundation.Errors;

/// <summary>Every configuration problem found at start-up, reported together.</summary>
public sealed class SettingsException(IReadOnlyList<string> problems)
    : RetailSynthException(Describe(problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"Invalid configuration: {problems[0]}"
            : $"Invalid configuration ({problems.Count} problems): {string.Join("; ", problems)}";
}
