using RetailSynth.Jobs.Validation;
using RetailSynth.Storage;

namespace RetailSynth.Core.Tests.Jobs.Validation;

public class InvariantCatalogTests
{
    [Fact]
    public void Every_check_has_a_unique_id_prefixed_by_its_family_a_description_and_a_query()
    {
        Assert.Equal(InvariantCatalog.All.Count, InvariantCatalog.All.Select(i => i.Id).Distinct().Count());
        Assert.All(InvariantCatalog.All, invariant =>
        {
            Assert.StartsWith($"{invariant.Family}.", invariant.Id, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(invariant.Description));
            Assert.Matches("^(SELECT|WITH) ", invariant.Sql);
        });
    }

    [Fact]
    public void The_catalog_covers_families_one_to_eight_ten_and_eleven_in_order_and_only_long_queues_are_warnings()
    {
        var families = InvariantCatalog.All.Select(i => i.Family).ToList();
        Assert.Equal([.. Enumerable.Range(1, 8), 10, 11], families.Distinct());
        Assert.Equal(families.Order(), families);
        Assert.Equal(["6.waits.pooled_over_48h", "6.shipments.queued_over_24h"], InvariantCatalog.All.Where(i => i.Severity == InvariantSeverity.Warning).Select(i => i.Id));
    }

    [Fact]
    public void Every_fact_table_has_its_watermark_key_and_local_label_checks_and_every_dimension_its_key_check()
    {
        var ids = InvariantCatalog.All.Select(i => i.Id).ToHashSet();
        Assert.All(DatasetTables.Facts, table =>
        {
            Assert.Contains($"1.event_ts.{table["fact_".Length..]}", ids);
            Assert.Contains($"2.key.{table}", ids);
            Assert.Contains($"10.labels.{table["fact_".Length..]}", ids);
        });
        Assert.All(DatasetTables.Dimensions, table => Assert.Contains($"2.key.{table}", ids));
    }
}
