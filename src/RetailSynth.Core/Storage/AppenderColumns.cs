using System.Runtime.InteropServices;
using DuckDB.NET.Native;

namespace RetailSynth.Storage;

/// <summary>
/// DuckDB's active column list for an Appender (C API <c>duckdb_appender_add_column</c>, DuckDB ≥ 1.2), which DuckDB.NET
/// does not bind: the Appender then takes only the listed columns and fills the others with their defaults.
/// </summary>
internal static partial class AppenderColumns
{
    /// <summary>Makes <paramref name="column"/> the next active column of <paramref name="appender"/>.</summary>
    public static DuckDBState Add(DuckDBAppender appender, string column) => AddColumn(appender.DangerousGetHandle(), column);

    // The library DuckDB.NET loads ("duckdb" → libduckdb.so / duckdb.dll from the package's native assets).
    [LibraryImport("duckdb", EntryPoint = "duckdb_appender_add_column", StringMarshalling = StringMarshalling.Utf8)]
    private static partial DuckDBState AddColumn(nint appender, string column);
}
