using RetailSynth.Engine.Simulation.World;

namespace RetailSynth.Storage;

/// <summary>
/// A fact table's columns: their names in table order and how one fact row fills them. Implementations are empty
/// structs, so <see cref="FactTable{TFact, TColumns}"/> is compiled per table and writer and calls
/// <c>default(TColumns).Append</c> directly, inlined into its loop: no virtual call and no delegate per value or row.
/// </summary>
/// <remarks>
/// <see cref="Append"/> is an instance method on purpose. As a static abstract member it is reached from the loop's
/// code shared across fact classes through a runtime lookup on every row: 4–5× the loop's managed time, measured with
/// a writer that stores nothing (docs/decisions.md, "Fact-table registry").
/// </remarks>
internal interface IFactColumns<TFact>
{
    /// <summary>The column names in table order; a test holds them equal to the migrated table's.</summary>
    static abstract IReadOnlyList<string> Names { get; }

    /// <summary>
    /// Appends <paramref name="fact"/>'s values, one per name of <see cref="Names"/> and in that order; business_date and
    /// local_hour come from <paramref name="labels"/> and the row's node (§2.3).
    /// </summary>
    TRow Append<TRow>(TRow row, TFact fact, LocalLabels labels)
        where TRow : struct, IAppendRow<TRow>;
}
