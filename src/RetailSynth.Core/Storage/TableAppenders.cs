using DuckDB.NET.Data;

namespace RetailSynth.Storage;

/// <summary>
/// One open Appender per table for the length of a transaction, created on first use and flushed together by
/// <see cref="Close"/> (see <see cref="AppendersByTable{TAppender}"/>). A day arrives hour by hour; appending every hour through the same Appender lets DuckDB
/// flush each table in full chunks, where an Appender per hour and table (456 a day) spent a third of the
/// writer's time closing them.
/// </summary>
internal sealed class TableAppenders(DuckDBConnection connection) : ITableAppenders<AppenderApiRow>
{
    private readonly AppendersByTable<DuckDBAppender> _open = new(connection.CreateAppender, appender => appender.Close());

    public DuckDBAppender For(string table) => _open.For(table);

    IRowAppender<AppenderApiRow> ITableAppenders<AppenderApiRow>.For(string table) => new RowApi(For(table));

    /// <inheritdoc cref="AppendersByTable{TAppender}.Close"/>
    public void Close() => _open.Close();

    /// <inheritdoc cref="AppendersByTable{TAppender}.Dispose"/>
    public void Dispose() => _open.Dispose();

    private sealed class RowApi(DuckDBAppender appender) : IRowAppender<AppenderApiRow>
    {
        public AppenderApiRow CreateRow() => new(appender.CreateRow());
    }
}
