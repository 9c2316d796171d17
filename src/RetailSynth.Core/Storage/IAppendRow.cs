namespace RetailSynth.Storage;

/// <summary>
/// One row being appended, column after column, in table order. <see cref="FactAppenders"/> maps every fact table
/// onto it once; <see cref="DataChunkRow"/> (the day writer) and <see cref="AppenderApiRow"/> (DuckDB.NET's row API,
/// the bench's raw baseline) write the values. Implementations are structs, so each mapping is compiled per writer
/// with no virtual call per value.
/// </summary>
internal interface IAppendRow<TSelf>
    where TSelf : struct, IAppendRow<TSelf>
{
    TSelf Append(string? value);

    TSelf Append(long value);

    TSelf Append(long? value);

    TSelf Append(int value);

    TSelf Append(int? value);

    /// <summary>A SMALLINT.</summary>
    TSelf Append(short value);

    /// <summary>A TIMESTAMP (UTC, no zone).</summary>
    TSelf Append(DateTime value);

    TSelf Append(DateTime? value);

    TSelf Append(DateOnly value);

    /// <summary>A BIGINT[] list.</summary>
    TSelf Append(long[] values);

    /// <summary>A DECIMAL(w, <paramref name="scale"/>) given unscaled: 1234 at scale 2 is 12.34.</summary>
    TSelf AppendDecimal(long unscaled, int scale);

    void EndRow();
}

/// <summary>Creates the rows of one table.</summary>
internal interface IRowAppender<TRow>
    where TRow : struct, IAppendRow<TRow>
{
    TRow CreateRow();
}

/// <summary>
/// The open row appenders of one transaction, by table. <see cref="Close"/> puts every table's rows into the
/// transaction; disposing without it (an abandoned day) must happen while the transaction is still open.
/// </summary>
internal interface ITableAppenders<TRow> : IDisposable
    where TRow : struct, IAppendRow<TRow>
{
    IRowAppender<TRow> For(string table);

    void Close();
}
