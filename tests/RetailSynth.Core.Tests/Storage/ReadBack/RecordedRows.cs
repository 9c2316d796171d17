using RetailSynth.Storage;

namespace RetailSynth.Core.Tests.Storage.ReadBack;

/// <summary>
/// A row writer that keeps the values <see cref="FactAppenders"/> hands over, table by table: what a real writer
/// was given, to compare with what it stored.
/// </summary>
internal sealed class RecordedRows : ITableAppenders<RecordedRows.Row>
{
    private readonly Dictionary<string, List<object?[]>> _tables = new(StringComparer.Ordinal);

    public IReadOnlyList<object?[]> Of(string table) => _tables.TryGetValue(table, out var rows) ? rows : [];

    public IRowAppender<Row> For(string table)
    {
        if (!_tables.TryGetValue(table, out var rows))
        {
            rows = [];
            _tables.Add(table, rows);
        }

        return new Table(rows);
    }

    public void Close()
    {
    }

    public void Dispose()
    {
    }

    private sealed class Table(List<object?[]> rows) : IRowAppender<Row>
    {
        public Row CreateRow() => new(rows, []);
    }

    internal readonly struct Row(List<object?[]> rows, List<object?> values) : IAppendRow<Row>
    {
        public Row Append(string? value) => Add(value);

        public Row Append(long value) => Add(value);

        public Row Append(long? value) => Add(value);

        public Row Append(int value) => Add(value);

        public Row Append(int? value) => Add(value);

        public Row Append(short value) => Add(value);

        public Row Append(DateTime value) => Add(value);

        public Row Append(DateTime? value) => Add(value);

        public Row Append(DateOnly value) => Add(value);

        public Row Append(long[] values) => Add(values.ToArray());

        public Row AppendDecimal(long unscaled, int scale) => Add(unscaled / (decimal)Math.Pow(10, scale));

        public void EndRow() => rows.Add([.. values]);

        private Row Add(object? value)
        {
            values.Add(value);
            return this;
        }
    }
}
