using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs.Export;
using RetailSynth.Storage;

namespace RetailSynth.Core.Tests.Jobs.Export;

public class ExportTablesTests
{
    [Fact]
    public void No_selection_means_every_dimension_then_every_fact_table()
    {
        Assert.Equal([.. DatasetTables.Dimensions, .. DatasetTables.Facts], ExportTables.Resolve(null));
    }

    [Fact]
    public void Names_resolve_case_insensitively_to_catalogue_names_in_catalogue_order_once_each()
    {
        Assert.Equal(["dim_stores", "fact_receipts"], ExportTables.Resolve(["FACT_RECEIPTS", "dim_stores", "fact_receipts"]));
    }

    [Fact]
    public void Every_unknown_name_is_named_in_one_error()
    {
        var error = Assert.Throws<RetailSynthException>(() => ExportTables.Resolve(["dim_stores", "sim_state", "x"]));
        Assert.StartsWith("Unknown tables 'sim_state', 'x'; valid tables: dim_geographies,", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_selection_is_rejected()
    {
        var error = Assert.Throws<RetailSynthException>(() => ExportTables.Resolve([]));
        Assert.StartsWith("No tables selected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_are_named_by_table_and_by_utc_month_for_facts()
    {
        Assert.Equal("dim_stores/dim_stores.parquet", ExportLayout.DimensionFile("dim_stores", ExportFormat.Parquet));
        Assert.Equal("fact_receipts/fact_receipts_2024-02.csv", ExportLayout.FactFile("fact_receipts", new DateOnly(2024, 2, 1), ExportFormat.Csv));
    }
}
