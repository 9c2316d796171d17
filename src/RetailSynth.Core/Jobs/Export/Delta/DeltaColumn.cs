namespace RetailSynth.Jobs.Export.Delta;

/// <summary>
/// One column of a Delta table: its name, the Spark type written into <c>schemaString</c> (a primitive name such as
/// <c>long</c>, or a JSON type object for arrays), and the SQL expression that turns the DuckDB column into what the
/// Parquet file must hold for that type.
/// </summary>
/// <param name="Name">The column name, as in DuckDB and in the Parquet file.</param>
/// <param name="SparkType">The Spark type: a primitive name, or <c>array&lt;element&gt;</c> for a DuckDB list.</param>
/// <param name="Nullable">Whether the column admits nulls (DuckDB's NOT NULL, carried over).</param>
/// <param name="Projection">The SELECT item, aliased to <paramref name="Name"/>.</param>
/// <param name="HasMinMax">Whether per-file min/max statistics are kept for it (primitive, orderable types only).</param>
internal sealed record DeltaColumn(string Name, string SparkType, bool Nullable, string Projection, bool HasMinMax);
