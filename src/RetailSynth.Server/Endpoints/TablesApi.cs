using System.Numerics;
using DuckDB.NET.Data;
using RetailSynth.Server.Contracts;
using RetailSynth.Server.Hosting;
using RetailSynth.Storage;

namespace RetailSynth.Server.Endpoints;

/// <summary>
/// Row counts and previews of the dataset's tables. Names come from <see cref="DatasetTables"/> only: a request's name
/// is looked up in that list and the list's own string is what reaches SQL, so nothing a client sends is spliced.
/// </summary>
internal static class TablesApi
{
    public const int MaxPreview = 1000;

    public static void MapTablesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tables").WithTags("Tables");
        group.MapGet("/", List).WithSummary("Every dimension and fact table and the outbox, with row counts.");
        group.MapGet("/{name}", Preview).WithSummary("The first rows of one table in key order (limit 1–1000, default 100); unknown name → 404.");
        group.MapGet("/{name}/recent", Recent)
            .WithSummary("The newest rows of one fact table by event time, newest first (limit 1–1000, default 50); a name that is no fact table → 404 listing them.");
    }

    /// <summary>The allow-list: group of each table the API shows.</summary>
    public static IReadOnlyList<(string Name, string Group)> Tables { get; } =
    [
        .. DatasetTables.Dimensions.Select(t => (t, "dimension")),
        .. DatasetTables.Facts.Select(t => (t, "fact")),
        (DatasetTables.Outbox, "outbox"),
    ];

    private static Ok<TableCount[]> List(ServerDatabase database)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        // One statement for every count: the names are the allow-list's constants.
        command.CommandText = string.Join(" UNION ALL ", Tables.Select((t, i) => $"SELECT {i} AS i, count(*) AS n FROM {t.Name}"));
        var counts = new long[Tables.Count];
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                counts[reader.GetInt32(0)] = reader.GetInt64(1);
            }
        }

        return TypedResults.Ok(Tables.Select((t, i) => new TableCount(t.Name, t.Group, counts[i])).ToArray());
    }

    private static Results<Ok<TablePreviewResponse>, ValidationProblem, ProblemHttpResult> Preview(string name, string? limit, ServerDatabase database)
    {
        var known = Tables.Select(t => t.Name).FirstOrDefault(t => string.Equals(t, name, StringComparison.Ordinal));
        if (known is null)
        {
            return ApiProblems.NotFound($"There is no table '{FieldErrors.Shorten(name)}'; GET /api/tables lists them.");
        }

        var errors = new FieldErrors();
        var count = errors.Number("limit", limit, 100, 1, MaxPreview);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        return TypedResults.Ok(Query(database, known, $"SELECT * FROM {known} ORDER BY {DatasetTables.KeyOrder[known]} LIMIT $limit", count));
    }

    /// <summary>
    /// Newest rows first by <c>event_ts</c>, the event time every fact table carries (data-model §7), ties broken by the
    /// key descending so the order is stable. Only fact tables: dimensions and the outbox have no event time.
    /// </summary>
    private static Results<Ok<TablePreviewResponse>, ValidationProblem, ProblemHttpResult> Recent(string name, string? limit, ServerDatabase database)
    {
        var known = DatasetTables.Facts.FirstOrDefault(t => string.Equals(t, name, StringComparison.Ordinal));
        if (known is null)
        {
            return ApiProblems.NotFound(
                $"There is no fact table '{FieldErrors.Shorten(name)}'; recent rows exist for {string.Join(", ", DatasetTables.Facts)}.");
        }

        var errors = new FieldErrors();
        var count = errors.Number("limit", limit, DefaultRecent, 1, MaxPreview);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var descendingKey = string.Join(", ", TopLevelTerms(DatasetTables.KeyOrder[known]).Select(term => term + " DESC"));
        return TypedResults.Ok(Query(database, known, $"SELECT * FROM {known} ORDER BY {EventTimeColumn} DESC, {descendingKey} LIMIT $limit", count));
    }

    /// <summary>The comma-separated terms of a key order, commas inside parentheses (<c>coalesce(store_id, 0)</c>) kept.</summary>
    private static IEnumerable<string> TopLevelTerms(string keyOrder)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < keyOrder.Length; i++)
        {
            depth += keyOrder[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (keyOrder[i] == ',' && depth == 0)
            {
                yield return keyOrder[start..i].Trim();
                start = i + 1;
            }
        }

        yield return keyOrder[start..].Trim();
    }

    private const string EventTimeColumn = "event_ts";

    private const int DefaultRecent = 50;

    private static TablePreviewResponse Query(ServerDatabase database, string table, string sql, int limit)
    {
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.Add(new DuckDBParameter("limit", limit));
        using var reader = command.ExecuteReader();
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(columns.Length, StringComparer.Ordinal);
            for (var i = 0; i < columns.Length; i++)
            {
                row[columns[i]] = reader.IsDBNull(i) ? null : Plain(reader.GetValue(i));
            }

            rows.Add(row);
        }

        return new TablePreviewResponse(table, columns, rows);
    }

    /// <summary>DuckDB values as JSON-friendly ones.</summary>
    private static object? Plain(object value) => value switch
    {
        string or bool or byte or sbyte or short or ushort or int or uint or long or ulong or decimal => value,
        float f => double.IsFinite(f) ? f : f.ToString(System.Globalization.CultureInfo.InvariantCulture),
        double d => double.IsFinite(d) ? d : d.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        DateOnly or TimeOnly or DateTimeOffset or Guid => value,
        BigInteger big => big.ToString(System.Globalization.CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        _ => value.ToString(),
    };
}
