using System.Collections;
using System.Globalization;
using DuckDB.NET.Data;

namespace RetailSynth.Core.Tests.Storage.ReadBack;

/// <summary>
/// Reads a table back with <c>SELECT *</c> and compares every column of every row with the values the writer was given,
/// including the .NET type DuckDB hands back (an INTEGER read as <see cref="int"/>, a BIGINT as <see cref="long"/>):
/// a value written at the wrong width reads back as something else.
/// </summary>
internal static class StoredRows
{
    public static void AssertEqual(DuckDBConnection connection, string table, string orderBy, IReadOnlyList<object?[]> expected)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} ORDER BY {orderBy}";
        using var reader = command.ExecuteReader();
        var mismatches = new List<string>();
        var mismatchCount = 0;
        var row = 0;
        while (reader.Read())
        {
            Assert.True(row < expected.Count, $"{table} holds more than the {expected.Count} rows appended");
            Assert.True(reader.FieldCount == expected[row].Length, $"{table} has {reader.FieldCount} columns, the test expects {expected[row].Length}");
            for (var c = 0; c < reader.FieldCount; c++)
            {
                var want = expected[row][c];
                var read = Read(reader, c, want);
                if (!Same(want, read))
                {
                    mismatchCount++;
                    if (mismatches.Count < 5)
                    {
                        mismatches.Add($"row {row} {reader.GetName(c)}: appended {Show(want)}, read {Show(read)}");
                    }
                }
            }

            row++;
        }

        Assert.True(row == expected.Count, $"{table} holds {row} rows, {expected.Count} were appended");
        Assert.True(mismatchCount == 0, $"{table}: {mismatchCount} values differ from what was appended, e.g. {string.Join("; ", mismatches)}");
    }

    private static object? Read(DuckDBDataReader reader, int column, object? expected)
    {
        if (reader.IsDBNull(column))
        {
            return null;
        }

        return expected switch
        {
            DateOnly => reader.GetFieldValue<DateOnly>(column),
            long[] => reader.GetFieldValue<List<long>>(column).ToArray(),
            double[] => reader.GetFieldValue<List<double>>(column).ToArray(),
            IEnumerable<string> => reader.GetFieldValue<List<string>>(column).ToArray(),
            _ => reader.GetValue(column),
        };
    }

    private static bool Same(object? expected, object? read) => (expected, read) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (string, _) => expected.Equals(read),
        (IEnumerable e, IEnumerable r) => e.Cast<object>().SequenceEqual(r.Cast<object>()),
        _ => expected.GetType() == read.GetType() && expected.Equals(read),
    };

    private static string Show(object? value) => value switch
    {
        null => "NULL",
        string s => $"'{s}'",
        IEnumerable e => $"[{string.Join(", ", e.Cast<object>())}]",
        IFormattable f => $"{f.ToString(null, CultureInfo.InvariantCulture)} ({value.GetType().Name})",
        _ => value.ToString() ?? string.Empty,
    };
}
