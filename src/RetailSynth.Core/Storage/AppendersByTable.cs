using DuckDB.NET.Data;

namespace RetailSynth.Storage;

/// <summary>
/// One open appender per table for the length of a transaction, created on first use and closed together by
/// <see cref="Close"/>: the bookkeeping shared by <see cref="TableAppenders"/> (DuckDB's Appender API) and
/// <see cref="DataChunkAppenders"/> (data chunks filled in place).
/// </summary>
internal sealed class AppendersByTable<TAppender>(Func<string, TAppender> open, Action<TAppender> close) : IDisposable
    where TAppender : IDisposable
{
    private readonly Dictionary<string, TAppender> _open = new(StringComparer.Ordinal);

    /// <summary>The table's appender, opened on first use.</summary>
    public TAppender For(string table)
    {
        if (!_open.TryGetValue(table, out var appender))
        {
            appender = open(table);
            _open.Add(table, appender);
        }

        return appender;
    }

    /// <summary>Puts every table's remaining rows into the open transaction; call it before the commit.</summary>
    public void Close()
    {
        try
        {
            foreach (var appender in _open.Values)
            {
                close(appender);
            }
        }
        finally
        {
            Dispose();
        }
    }

    /// <summary>
    /// Disposing an appender flushes the rows it already took, so on a rolled-back day this must run while the
    /// transaction is still open: the rows then vanish with it instead of landing in autocommit.
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
}
