using RetailSynth.Engine.Dimensions;
using RetailSynth.Foundation.Configuration;
using RetailSynth.Foundation.Errors;
using RetailSynth.Reference;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Storage;

public class DimensionStoreTests
{
    private static readonly ReferenceDictionaries s_d = ReferenceDictionaries.LoadEmbedded();

    private static SimulationOptions Options(long seed = 42)
    {
        var options = SimulationProfiles.Create("small")!;
        options.Seed = seed;
        options.Customers = 3_000;
        return options;
    }

    private static void WriteDimensions(string path, SimulationOptions options, bool force = false)
    {
        using var database = RetailDatabase.Open(path);
        new DimensionStore(database).Write(
            DimensionGenerator.Generate(options, s_d), DatasetIdentity.Compute(options, s_d), options.Profile, options.StartDate, options.Seed, force, CancellationToken.None);
    }

    private static string HashOf(string path)
    {
        using var database = RetailDatabase.Open(path);
        return DatasetHasher.Hash(database, DatasetTables.Dimensions);
    }

    [Fact]
    public void Same_seed_gives_byte_identical_dimension_rows_in_two_database_files()
    {
        using var folder = new TempFolder();
        WriteDimensions(folder.File("a.duckdb"), Options());
        WriteDimensions(folder.File("b.duckdb"), Options());
        WriteDimensions(folder.File("c.duckdb"), Options(seed: 7));

        Assert.Equal(HashOf(folder.File("a.duckdb")), HashOf(folder.File("b.duckdb")));
        Assert.NotEqual(HashOf(folder.File("a.duckdb")), HashOf(folder.File("c.duckdb")));
    }

    [Fact]
    public void Written_rows_match_the_configured_counts_and_the_dataset_identity_is_recorded()
    {
        using var folder = new TempFolder();
        var options = Options();
        WriteDimensions(folder.File("db.duckdb"), options);

        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        var store = new DimensionStore(database);
        var counts = store.CountRows();
        Assert.Equal(options.Customers + 1, counts["dim_customers"]); // customers 1…N and the anonymous shopper, customer 0
        Assert.Equal(options.Products, counts["dim_products"]);
        Assert.Equal(options.Stores, counts["dim_stores"]);
        var state = store.ReadState()!;
        Assert.Equal(DatasetIdentity.Compute(options, s_d).DatasetId, state.DatasetId);
        Assert.Null(state.LastCommittedDay);
        Assert.Equal(new DateOnly(2024, 1, 1), state.StartDate);
    }

    [Fact]
    public void Sql_invariants_hold_on_the_written_tables()
    {
        using var folder = new TempFolder();
        WriteDimensions(folder.File("db.duckdb"), Options());
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));

        Assert.Equal(0, database.Scalar("SELECT count(*) FROM dim_stores s LEFT JOIN dim_geographies g USING (geography_id) WHERE g.geography_id IS NULL"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM dim_stores s LEFT JOIN dim_distribution_centers d ON d.dc_id = s.nearest_dc_id WHERE d.dc_id IS NULL"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM dim_customers c LEFT JOIN dim_stores s ON s.store_id = c.primary_store_id WHERE c.customer_id > 0 AND s.store_id IS NULL"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM dim_products WHERE NOT (cost > 0 AND cost < sale_price AND sale_price <= msrp)"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM dim_products WHERE cost * 100 <> cost_cents OR msrp * 100 <> msrp_cents OR sale_price * 100 <> sale_price_cents"));
        Assert.Equal(0, database.Scalar("SELECT count(ble_id) - count(DISTINCT ble_id) FROM dim_customers"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM dim_stores WHERE time_zone IS NULL OR volume_class IS NULL"));
    }

    [Fact]
    public void Customer_0_is_the_anonymous_shopper_and_the_only_row_with_nulls_besides_single_candidate_secondaries()
    {
        using var folder = new TempFolder();
        WriteDimensions(folder.File("db.duckdb"), Options());
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));

        Assert.Equal(1, database.Scalar(
            "SELECT count(*) FROM dim_customers WHERE customer_id = 0 AND first_name = 'Anonymous' AND last_name = 'Shopper' AND NOT ble_opt_in " +
            "AND address IS NULL AND geography_id IS NULL AND latitude IS NULL AND longitude IS NULL AND phone IS NULL AND loyalty_card IS NULL " +
            "AND ble_id IS NULL AND ad_id IS NULL AND shopper_segment IS NULL AND mobility_segment IS NULL AND join_date IS NULL " +
            "AND primary_store_id IS NULL AND secondary_store_id IS NULL"));
        Assert.Equal(0, database.Scalar(
            "SELECT count(*) FROM dim_customers WHERE customer_id > 0 AND (address IS NULL OR geography_id IS NULL OR latitude IS NULL " +
            "OR longitude IS NULL OR phone IS NULL OR loyalty_card IS NULL OR ble_id IS NULL OR ad_id IS NULL OR shopper_segment IS NULL " +
            "OR mobility_segment IS NULL OR join_date IS NULL OR primary_store_id IS NULL)"));
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM (SELECT customer_id, row_number() OVER (ORDER BY join_date, customer_id) AS rank FROM dim_customers WHERE customer_id > 0) WHERE customer_id <> rank"));
    }

    [Fact]
    public void Another_dataset_in_the_file_is_refused_and_nothing_is_written()
    {
        using var folder = new TempFolder();
        var path = folder.File("db.duckdb");
        WriteDimensions(path, Options());
        var before = HashOf(path);

        var error = Assert.Throws<RefusedException>(() => WriteDimensions(path, Options(seed: 99)));
        Assert.Contains("holds dataset", error.Message);
        Assert.Equal(RefusalReason.DimensionsOfOtherDataset, error.Reason); // the core names no CLI flag (issue 13); the CLI adds "--database"
        Assert.Equal(before, HashOf(path));
    }

    [Fact]
    public void Regenerating_while_facts_exist_needs_force_which_replaces_everything()
    {
        using var folder = new TempFolder();
        var path = folder.File("db.duckdb");
        WriteDimensions(path, Options());
        using (var database = RetailDatabase.Open(path))
        {
            database.Execute("UPDATE sim_state SET last_committed_day = DATE '2024-01-05'");
        }

        var error = Assert.Throws<RefusedException>(() => WriteDimensions(path, Options()));
        Assert.Contains("holds facts up to 2024-01-05", error.Message);

        WriteDimensions(path, Options(seed: 5), force: true);
        using var reopened = RetailDatabase.Open(path);
        var state = new DimensionStore(reopened).ReadState()!;
        Assert.Equal(5, state.Seed);
        Assert.Null(state.LastCommittedDay);
    }

    [Fact]
    public void A_database_held_by_another_process_gives_a_readable_sentence()
    {
        using var folder = new TempFolder();
        var path = folder.File("db.duckdb");
        WriteDimensions(path, Options());
        using var holder = new DatabaseLockHolderProcess(path);

        var error = Assert.Throws<RefusedException>(() => RetailDatabase.Open(path));
        Assert.Equal(RefusalReason.DatabaseInUse, error.Reason); // the core names no CLI flag; the CLI adds "--database"
        Assert.Contains("is in use by another process", error.Message);
        Assert.Contains($"PID {holder.ProcessId}", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_reported_as_damaged()
    {
        using var folder = new TempFolder();
        var path = folder.File("junk.duckdb");
        File.WriteAllText(path, new string('x', 10_000));

        var error = Assert.Throws<RetailSynthException>(() => RetailDatabase.Open(path));
        Assert.Contains("is not a valid DuckDB database or is damaged", error.Message);
    }

    [Fact]
    public void Migrations_apply_once_and_reopening_is_idempotent()
    {
        using var folder = new TempFolder();
        var path = folder.File("db.duckdb");
        using (RetailDatabase.Open(path))
        {
        }

        using var database = RetailDatabase.Open(path);
        Assert.Equal(Migrator.Embedded().Count, database.Scalar("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public void Dataset_id_depends_on_simulation_settings_only()
    {
        var a = DatasetIdentity.Compute(Options(), s_d);
        Assert.Matches("^[0-9a-f]{16}$", a.DatasetId);
        Assert.StartsWith(a.DatasetId, a.ConfigFingerprint, StringComparison.Ordinal);
        Assert.Equal(a, DatasetIdentity.Compute(Options(), s_d));
        Assert.NotEqual(a.DatasetId, DatasetIdentity.Compute(Options(seed: 1), s_d).DatasetId);
        var cheaperEmail = Options();
        cheaperEmail.MarketingCpm["EMAIL"].Min = 0.5m;
        Assert.NotEqual(a.DatasetId, DatasetIdentity.Compute(cheaperEmail, s_d).DatasetId);
        Assert.Contains("\"MarketingCpm:EMAIL:Min\":1,", a.CanonicalJson);
        Assert.Contains("\"StartDate\":\"2024-01-01\"", a.CanonicalJson);
    }
}
