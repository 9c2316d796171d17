using DuckDB.NET.Data;

namespace RetailSynth.Jobs.Report;

/// <summary>The connection and horizon every KPI query reads, with the horizon's bounds spliced in as SQL literals.</summary>
internal sealed class ReportContext(DuckDBConnection connection, ReportHorizon horizon, CancellationToken cancellationToken)
{
    public ReportHorizon Horizon => horizon;

    public CancellationToken CancellationToken => cancellationToken;

    /// <summary>
    /// Runs a query and returns its rows as doubles (NULL as null, dates as day numbers, text as NaN — read labels with
    /// <see cref="Labelled"/>). Placeholders: <c>@from</c>, <c>@end</c> (first instant after the horizon), <c>@from_date</c>,
    /// <c>@to_date</c>, <c>@start_date</c> and <c>@last_end</c> (end of the last committed day).
    /// </summary>
    public IReadOnlyList<double?[]> Rows(string sql) => Read<double?>(sql, (reader, i) => reader.IsDBNull(i) ? null : AsDouble(reader.GetValue(i)));

    /// <summary>The first row of <see cref="Rows"/>, or a row of nulls.</summary>
    public double?[] Row(string sql, int columns) => Rows(sql) is [var first, ..] ? first : new double?[columns];

    public double? Value(string sql) => Row(sql, 1)[0];

    /// <summary>Rows whose first column is a label and the others numbers.</summary>
    public IReadOnlyList<(string Label, double?[] Values)> Labelled(string sql) =>
        [.. Read<object>(sql, (reader, i) => reader.IsDBNull(i) ? null : (object)(i == 0 ? reader.GetValue(0).ToString()! : AsDouble(reader.GetValue(i))))
            .Select(row => ((string)row[0]!, row.Skip(1).Select(v => (double?)v).ToArray()))];

    private List<T?[]> Read<T>(string sql, Func<System.Data.Common.DbDataReader, int, T?> value)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var command = connection.CreateCommand();
        command.CommandText = Splice(sql);
        try
        {
            using var reader = command.ExecuteReader();
            var rows = new List<T?[]>();
            while (reader.Read())
            {
                var row = new T?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = value(reader, i);
                }

                rows.Add(row);
            }

            return rows;
        }
        catch (DuckDBException ex) when (MissingModelColumnsException.Recognises(ex))
        {
            throw new MissingModelColumnsException(ex);
        }
    }

    private string Splice(string sql) => sql
        .Replace("@from_date", ReportHorizon.Date(horizon.From), StringComparison.Ordinal)
        .Replace("@to_date", ReportHorizon.Date(horizon.To), StringComparison.Ordinal)
        .Replace("@start_date", ReportHorizon.Date(horizon.StartDate), StringComparison.Ordinal)
        .Replace("@last_end", ReportHorizon.Timestamp(horizon.LastCommittedDay.AddDays(1)), StringComparison.Ordinal)
        .Replace("@from", horizon.FromTs, StringComparison.Ordinal)
        .Replace("@end", horizon.EndTs, StringComparison.Ordinal);

    private static double AsDouble(object value) => value switch
    {
        DateOnly d => d.DayNumber,
        DateTime t => DateOnly.FromDateTime(t).DayNumber,
        string => double.NaN,
        System.Numerics.BigInteger big => (double)big,
        _ => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// A KPI query named a model v2 column or table this database does not have (a file written before the column existed):
/// the KPI is reported n/a with this reason rather than failing the whole report.
/// </summary>
internal sealed class MissingModelColumnsException(DuckDBException inner)
    : Exception($"this database lacks what the KPI reads ({inner.Message.Split('\n')[0].Replace("Binder Error: ", string.Empty, StringComparison.Ordinal)})", inner)
{
    public static bool Recognises(DuckDBException ex) =>
        ex.Message.Contains("Binder Error", StringComparison.Ordinal) || ex.Message.Contains("Catalog Error", StringComparison.Ordinal);
}
