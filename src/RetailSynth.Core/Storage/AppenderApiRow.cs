using DuckDB.NET.Data;

namespace RetailSynth.Storage;

/// <summary>A row through DuckDB.NET's own row API (<c>CreateRow().AppendValue(…)…EndRow()</c>): the bench's raw baseline.</summary>
internal readonly struct AppenderApiRow(IDuckDBAppenderRow row) : IAppendRow<AppenderApiRow>
{
    public AppenderApiRow Append(string? value) => new(row.AppendValue(value));

    public AppenderApiRow Append(long value) => new(row.AppendValue(value));

    public AppenderApiRow Append(long? value) => new(row.AppendValue(value));

    public AppenderApiRow Append(int value) => new(row.AppendValue(value));

    public AppenderApiRow Append(int? value) => new(row.AppendValue(value));

    public AppenderApiRow Append(short value) => new(row.AppendValue(value));

    public AppenderApiRow Append(DateTime value) => new(row.AppendValue(value));

    public AppenderApiRow Append(DateTime? value) => new(row.AppendValue(value));

    public AppenderApiRow Append(DateOnly value) => new(row.AppendValue(value));

    // A long[] binds to AppendValue<T>(IEnumerable<T>), which writes a LIST value.
    public AppenderApiRow Append(long[] values) => new(row.AppendValue(values));

    public AppenderApiRow AppendDecimal(long unscaled, int scale) => new(row.AppendValue(unscaled / PowerOfTen(scale)));

    public void EndRow() => row.EndRow();

    private static decimal PowerOfTen(int scale) => scale switch
    {
        2 => 100m,
        5 => 100_000m,
        _ => (decimal)Math.Pow(10, scale),
    };
}
