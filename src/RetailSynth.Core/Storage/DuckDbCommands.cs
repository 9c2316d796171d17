using System.Data.Common;
using DuckDB.NET.Data;

namespace RetailSynth.Storage;

/// <summary>
/// The one-statement round trips the storage code makes over a DuckDB connection: run a statement, visit or collect
/// the rows of a query, quote a string literal. The SQL is built from the code's own names and values, never spliced
/// from a request.
/// </summary>
internal static class DuckDbCommands
{
    /// <summary>Runs one statement (in the connection's open transaction, if any); the rows it changed.</summary>
    public static int Execute(this DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteNonQuery();
    }

    /// <summary>Calls <paramref name="row"/> for every row of the query, in the query's order.</summary>
    public static void ForEachRow(this DuckDBConnection connection, string sql, Action<DbDataReader> row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    /// <summary>Every row of the query mapped by <paramref name="row"/>, in the query's order.</summary>
    public static List<T> ReadRows<T>(this DuckDBConnection connection, string sql, Func<DbDataReader, T> row)
    {
        var rows = new List<T>();
        connection.ForEachRow(sql, reader => rows.Add(row(reader)));
        return rows;
    }

    /// <summary>A DuckDB identifier: <paramref name="name"/> in double quotes, its own double quotes doubled.</summary>
    public static string QuoteIdentifier(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    /// <summary>A DuckDB string literal: <paramref name="text"/> in single quotes, its own quotes doubled (backslashes are not escapes in DuckDB).</summary>
    public static string SqlLiteral(string text) => $"'{text.Replace("'", "''", StringComparison.Ordinal)}'";
}
