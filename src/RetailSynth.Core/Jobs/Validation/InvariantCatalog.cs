namespace RetailSynth.Jobs.Validation;

/// <summary>
/// Every check <c>retailsynth validate</c> runs: the invariants of data-model §19, families 1–8, 10 and 11, each as
/// one SQL query counting violating rows. Family 9 (determinism) compares whole runs and lives in tests.
/// Empty tables pass every check.
/// </summary>
public static partial class InvariantCatalog
{
    public static readonly IReadOnlyDictionary<int, string> Families = new Dictionary<int, string>
    {
        [1] = "nothing ahead of the watermark",
        [2] = "references, keys and vocabularies",
        [3] = "money",
        [4] = "payments",
        [5] = "inventory",
        [6] = "logistics",
        [7] = "causal order",
        [8] = "online orders",
        [10] = "local labels",
        [11] = "customers",
    };

    /// <summary>All checks, by family, in the order the report lists them.</summary>
    public static readonly IReadOnlyList<Invariant> All =
    [
        .. Timeliness(), .. Integrity(), .. AnonymousCustomer(), .. MoneyChecks(), .. Payments(), .. ReturnLines(), .. Inventory(), .. Logistics(),
        .. CausalOrder(), .. OnlineOrders(), .. LocalLabels(), .. Customers(),
    ];

    /// <summary>The end of the last committed day (NULL before the first day, which makes every fact row a violation).</summary>
    private const string WatermarkEnd = "(SELECT CAST(max(last_committed_day) AS TIMESTAMP) + INTERVAL 1 DAY FROM sim_state)";

    private static Invariant Error(int family, string id, string description, string sql) =>
        new($"{family}.{id}", family, description, InvariantSeverity.Error, sql.Trim());

    private static Invariant Warning(int family, string id, string description, string sql) =>
        new($"{family}.{id}", family, description, InvariantSeverity.Warning, sql.Trim());

    /// <summary>Rows beyond the first per key value (a NULL key counts as a duplicate).</summary>
    private static string Duplicates(string table, string key) => $"SELECT count(*) - count(DISTINCT ({key})) FROM {table}";

    /// <summary>Table name without the <c>fact_</c> prefix, for check ids.</summary>
    private static string Short(string table) => table.StartsWith("fact_", StringComparison.Ordinal) ? table["fact_".Length..] : table;

    private static string InList(IEnumerable<string> values) => string.Join(", ", values.Select(v => $"'{v}'"));
}
