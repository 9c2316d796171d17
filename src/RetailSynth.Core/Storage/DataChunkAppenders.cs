using DuckDB.NET.Data;

namespace RetailSynth.Storage;

/// <summary>
/// The day writer's open <see cref="DataChunkAppender"/>s, one per table for the length of a transaction, created on
/// first use and flushed together by <see cref="Close"/>.
/// </summary>
internal sealed class DataChunkAppenders(DuckDBConnection connection) : ITableAppenders<DataChunkRow>, IDisposable
{
    private readonly Dictionary<string, DataChunkAppender> _open = new(StringComparer.Ordinal);

    public IRowAppender<DataChunkRow> For(string table)
    {
        if (!_open.TryGetValue(table, out var appender))
        {
            appender = new DataChunkAppender(connection, table);
            _open.Add(table, appender);
        }

        return appender;
    }

    /// <summary>Appends every table's remaining rows into the open transaction; call it before the commit.</summary>
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

    /// <summary>On a rolled-back day this must run while the transaction is still open, as for <see cref="TableAppenders"/>.</summary>
    public void Dispose()
    {
        foreach (var appender in _open.Values)
        {
            appender.Dispose();
        }

        _open.Clear();
    }
}
