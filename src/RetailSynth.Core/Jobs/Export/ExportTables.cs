
namespace RetailSynth.Jobs.Export;

/// <summary>
/// Turns user-typed table names into names from <see cref="ExportLayout.Tables"/>: only those canonical names ever
/// reach SQL, so a name that is not in the catalogue is rejected, never quoted or escaped.
/// </summary>
internal static class ExportTables
{
    /// <summary>The selected tables in catalogue order (duplicates and case differences ignored); null selects all.</summary>
    public static IReadOnlyList<string> Resolve(IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return ExportLayout.Tables;
        }

        var unknown = names.Where(n => !ExportLayout.Tables.Contains(n, StringComparer.OrdinalIgnoreCase)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new RetailSynthException(
                $"Unknown table{(unknown.Count == 1 ? string.Empty : "s")} {string.Join(", ", unknown.Select(n => $"'{n}'"))}; valid tables: {string.Join(", ", ExportLayout.Tables)}.");
        }

        if (names.Count == 0)
        {
            throw new RetailSynthException($"No tables selected; name one or more of: {string.Join(", ", ExportLayout.Tables)}.");
        }

        return [.. ExportLayout.Tables.Where(t => names.Contains(t, StringComparer.OrdinalIgnoreCase))];
    }
}
