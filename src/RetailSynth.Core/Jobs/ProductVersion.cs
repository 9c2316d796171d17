using System.Reflection;
using RetailSynth.Storage;

namespace RetailSynth.Jobs;

/// <summary>
/// What this build is: the product version, the git commit it was built from and the model version of the data it
/// writes (<c>retailsynth --version</c>, GET /version). The SDK's SourceLink puts the commit into the assembly's
/// informational version as <c>1.0.0+&lt;sha&gt;</c>; a build outside a git checkout has none, shown as "unknown".
/// </summary>
public sealed record ProductVersion(string Version, string Commit, int ModelVersion)
{
    public const string UnknownCommit = "unknown";

    public static ProductVersion Current { get; } = FromInformationalVersion(
        typeof(ProductVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);

    /// <summary>Splits <c>1.0.0+abc123</c> into version and commit.</summary>
    public static ProductVersion FromInformationalVersion(string? informational)
    {
        var text = string.IsNullOrWhiteSpace(informational) ? "0.0.0" : informational.Trim();
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        var version = plus < 0 ? text : text[..plus];
        var commit = plus < 0 || plus == text.Length - 1 ? UnknownCommit : text[(plus + 1)..];
        return new ProductVersion(version, commit, DatasetIdentity.ModelVersion);
    }

    /// <summary>The one line <c>retailsynth --version</c> prints.</summary>
    public override string ToString() => $"retailsynth {Version} (commit {Commit}, model v{ModelVersion})";
}
