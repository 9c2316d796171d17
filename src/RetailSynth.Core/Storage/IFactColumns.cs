namespace RetailSynth.Storage;

/// <summary>
/// A fact table's columns: their names in table order and how one fact row fills them. Implementations are empty
/// structs, so <see cref="FactTable{TFact, TColumns}"/> is compiled per table and writer with the mapping inlined:
/// no virtual call and no delegate per value or row.
/// </summary>
internal interface IFactColumns<TFact>
{
    /// <summary>The column names in table order; a test holds them equal to the migrated table's.</summary>
    static abstract IReadOnlyList<string> Names { get; }

    /// <summary>Appends <paramref name="fact"/>'s values, one per name of <see cref="Names"/> and in that order.</summary>
    static abstract TRow Append<TRow>(TRow row, TFact fact)
        where TRow : struct, IAppendRow<TRow>;
}
