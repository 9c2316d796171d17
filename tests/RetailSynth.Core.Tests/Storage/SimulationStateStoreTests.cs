using Microsoft.Extensions.Logging.Abstractions;
using RetailSynth.Jobs;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Storage;

public class SimulationStateStoreTests
{
    private const string Balances = """
        SELECT count(*), count(DISTINCT (node_type, node_id, product_id)),
               string_agg(concat_ws('|', node_type, node_id, product_id, on_hand, reserved, on_order, reorder_point, order_up_to,
                                    forecast_factor, stockout_open), ';' ORDER BY node_type, node_id, product_id)
        FROM sim_inventory_balances
        """;

    [Fact]
    public void Balances_saved_before_saved_day_existed_are_replaced_by_later_days_like_any_older_row()
    {
        using var folder = new TempFolder();
        var reference = BalancesAfter(folder.File("reference.duckdb"), beforeMigration: false);
        var migrated = BalancesAfter(folder.File("migrated.duckdb"), beforeMigration: true);

        Assert.Equal(reference.Keys, reference.Rows);
        Assert.Equal(reference.Rows, migrated.Rows); // one row per key: every older row of a changed key was deleted
        Assert.Equal(reference.Keys, migrated.Keys);
        Assert.Equal(reference.Values, migrated.Values);
        Assert.True(migrated.Undated > 0, "some balances should not change after the first day and keep their undated row");
        Assert.True(migrated.Undated < migrated.Rows, "some balances should change after the first day and get a dated row");
    }

    /// <summary>
    /// One day, then (when <paramref name="beforeMigration"/>) every balance row's saved_day cleared as a database written
    /// before migration 007 has it, then two more days, with the state reloaded from the database in between.
    /// </summary>
    private static (long Rows, long Keys, string Values, long Undated) BalancesAfter(string path, bool beforeMigration)
    {
        var settings = ReducedWorld.Settings(path, stores: 3);
        ReducedWorld.Generate(settings, days: 1);
        if (beforeMigration)
        {
            using var database = RetailDatabase.Open(path);
            database.Connection.Execute("UPDATE sim_inventory_balances SET saved_day = NULL");
        }

        new FactGenerationJob(settings, ReducedWorld.Dictionaries, NullLogger<FactGenerationJob>.Instance)
            .Run(new FactGenerationJob.Range(2, null), _ => { }, CancellationToken.None);

        using var reopened = RetailDatabase.Open(path);
        var (rows, keys, values) = reopened.Connection.ReadRows(Balances, r => (r.GetInt64(0), r.GetInt64(1), r.GetString(2)))[0];
        var undated = reopened.Connection.ReadRows("SELECT count(*) FROM sim_inventory_balances WHERE saved_day IS NULL", r => r.GetInt64(0))[0];
        return (rows, keys, values, undated);
    }
}
