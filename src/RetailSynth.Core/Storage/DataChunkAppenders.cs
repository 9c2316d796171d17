using DuckDB.NET.Data;

namespace RetailSynth.Storage;

/// <summary>
/// The day writer's open <see cref="DataChunkAppender"/>s, one per table for the length of a transaction (see
/// <see cref="AppendersByTable{TAppender}"/>).
/// </summary>
internal sealed class DataChunkAppenders(DuckDBConnection connection) : ITableAppenders<DataChunkRow>
{
    private readonly AppendersByTable<DataChunkAppender> _open = new(table => new DataChunkAppender(connection, table), appender => appender.Close());

    public IRowAppender<DataChunkRow> For(string table) => _open.For(table);

    /// <inheritdoc cref="AppendersByTable{TAppender}.Close"/>
    public void Close() => _open.Close();

    /// <inheritdoc cref="AppendersByTable{TAppender}.Dispose"/>
    public void Dispose() => _open.Dispose();
}
