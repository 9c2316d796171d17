using DuckDB.NET.Data;

namespace RetailSynth.Storage;

/// <summary>
/// One open Appender per table for the length of a transaction, created on first use and flushed together by
/// <see cref="Close"/>. A day arrives hour by hour; appending every hour through the same Appender lets DuckDB
/// flush each table in full chunks, where an Appender per hour and table (456 a day) spent a third of the
/// writer's time closing them.
/// </summary>
internal sealed class TableAppenders(DuckDBConnection connection) : ITableAppenders<AppenderApiRow>, IDisposable
{
    private readonly Dictionary<string, DuckDBAppender> _open = new(StringComparer.Ordinal);

    public DuckDBAppender For(string table)
    {
        if (!_open.TryGetValue(table, out var appender))
        {
            appender = connection.CreateAppender(table);
            _open.Add(table, appender);
        }

        return appender;
    }

    IRowAppender<AppenderApiRow> ITableAppenders<AppenderApiRow>.For(string table) => new RowApi(For(table));

    /// <summary>Flushes every table's remaining rows into the open transaction; call it before the commit.</summary>
    public void Close()
    {
        try
        {
            foreach (var appender in _open.Values)
            {
                appender.Close();
            }
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>
    /// Disposing an Appender flushes it too, so on a rolled-back day this must run while the transaction is
    /// still open: the rows then vanish with it instead of landing in autocommit.
    /// </summary>
    public void Dispose()
    {
        foreach (var appender in _open.Values)
        {
            try
            {
                appender.Dispose();
            }
            catch (DuckDBException)
            {
                // Only on the failure path: the transaction that held these rows is rolled back next.
            }
        }

        _open.Clear();
    }

    private sealed class RowApi(DuckDBAppender appender) : IRowAppender<AppenderApiRow>
    {
        public AppenderApiRow CreateRow() => new(appender.CreateRow());
    }
}
