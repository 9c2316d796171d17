using System.Globalization;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Cli.Tests.Commands;

/// <summary>
/// The catalog of three regions with two DCs each, read as one dataset (scale-out §5): every invariant holds across
/// regions, keys and device ids are unique, and the shared catalog and campaign plan are the same in every region.
/// </summary>
public class RegionCatalogTests
{
    private const string LastDay = "2024-01-03";

    private static CliRunner ThreeRegionsOfTwoDcs() => CliRunner.WithRegions(3, distributionCenters: 2, "2024-01-01", stores: 4);

    [Fact]
    public async Task Validate_and_report_pass_over_the_catalog_of_three_regions_whose_keys_are_unique_across_them()
    {
        using var cli = ThreeRegionsOfTwoDcs();
        var generated = await cli.RunAsync("generate", "facts", "--to", LastDay, "--workers", "2");
        Assert.True(generated.ExitCode == 0, generated.Error);

        var validate = await cli.RunAsync("validate");
        Assert.True(validate.ExitCode == 0, validate.Output + validate.Error);
        Assert.Matches(@"\d+ checks: \d+ passed, 0 failed", validate.Output);
        var report = await cli.RunAsync("report", "--no-fail");
        Assert.True(report.ExitCode == 0, report.Error);

        using var catalog = RetailDatabase.OpenReadOnly(cli.DatabasePath);
        foreach (var (table, key) in new[]
        {
            ("dim_stores", "store_id"), ("dim_distribution_centers", "dc_id"), ("dim_trucks", "truck_id"), ("dim_customers", "customer_id"),
            ("dim_customers", "ble_id"), ("dim_customers", "ad_id"), ("dim_trucks", "license_plate"), ("dim_geographies", "geography_id"),
            ("fact_receipts", "receipt_id_ext"), ("fact_online_order_headers", "order_id_ext"), ("fact_marketing", "impression_id_ext"),
        })
        {
            Assert.True(
                catalog.Scalar($"SELECT count(*) - count(DISTINCT {key}) FROM {table} WHERE {key} IS NOT NULL") == 0,
                $"{table}.{key} repeats across regions");
        }

        Assert.Equal(6, catalog.Scalar("SELECT count(*) FROM dim_distribution_centers"));
        Assert.Equal(3, catalog.Scalar("SELECT count(DISTINCT store_id // 100000000) FROM fact_receipts"));

        // Shared by every region, drawn from streams that carry no region: the product catalog and the campaign plan.
        var products = Enumerable.Range(0, 3).Select(r => Hash(cli.RegionFile(r), "SELECT * FROM dim_products ORDER BY product_id")).ToList();
        var campaigns = Enumerable.Range(0, 3).Select(r => Hash(cli.RegionFile(r), "SELECT DISTINCT campaign_id, campaign_type FROM fact_marketing ORDER BY ALL")).ToList();
        Assert.Single(products.Distinct());
        Assert.Single(campaigns.Distinct());
    }

    [Fact]
    public async Task More_regions_times_dcs_than_hubs_400_miles_apart_are_refused_with_one_line_before_anything_is_written()
    {
        using var cli = ThreeRegionsOfTwoDcs();
        cli.Environment["RETAILSYNTH__Simulation__Regions"] = "21";
        cli.Environment["RETAILSYNTH__Simulation__DistributionCenters"] = "3";

        var result = await cli.RunAsync("generate", "dimensions");

        Assert.Equal(CliApp.ExitFailed, result.ExitCode);
        Assert.Matches(
            "^error: Regions × DistributionCenters = 63 exceeds the [0-9]+ hubs the geography dictionary places ≥ 400 mi apart with this seed; lower Regions or DistributionCenters",
            result.SingleErrorLine);
        Assert.False(Directory.Exists(cli.File("data")), "a refused dataset wrote files");
    }

    private static string Hash(string path, string sql)
    {
        using var database = RetailDatabase.OpenReadOnly(path);
        using var command = database.Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new System.Text.StringBuilder();
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                rows.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
            }

            rows.Append('\n');
        }

        return rows.ToString();
    }
}
