namespace RetailSynth.Foundation.Randomness;

/// <summary>
/// The one unseeded random value Core makes: a token that keeps a scratch file's name (a temporary file renamed into
/// place, a write probe) unique on disk. It never reaches the dataset, so it needs no seed.
/// </summary>
internal static class ScratchName
{
    /// <summary>32 hex digits, new on every call.</summary>
#pragma warning disable RS0030 // Guid.NewGuid is banned in Core for data ids, not for scratch file names.
    public static string Suffix() => Guid.NewGuid().ToString("N");
#pragma warning restore RS0030

    /// <summary>A hidden temporary name beside <paramref name="target"/> (<c>.name.&lt;suffix&gt;.tmp</c>), to write and then rename over it.</summary>
    public static string TemporaryFor(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Suffix()}.tmp");

    /// <summary>A hidden probe file name in <paramref name="folder"/>, to check the folder takes writes.</summary>
    public static string ProbeIn(string folder) => Path.Combine(folder, $".retailsynth-probe-{Suffix()}.tmp");
}
