namespace RetailSynth.Cli.Workers;

/// <summary>
/// How <see cref="RegionWorkersRun"/> runs a dataset's regions: <paramref name="Workers"/> processes at once, each given
/// <paramref name="Range"/> (<c>--days N</c> or <c>--to DATE</c>), the configuration file (full path) and verbosity, with
/// <paramref name="Variables"/> as its environment on top of this process's.
/// </summary>
public sealed record RegionWorkersPlan(
    int Workers, IReadOnlyList<string> Range, string? ConfigFile, bool Verbose, IReadOnlyDictionary<string, string?> Variables);
