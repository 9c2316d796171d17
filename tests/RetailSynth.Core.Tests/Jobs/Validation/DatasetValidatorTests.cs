using RetailSynth.Foundation.Errors;
using RetailSynth.Jobs.Validation;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Jobs.Validation;

public class DatasetValidatorTests(ValidationDatasetFixture dataset) : IClassFixture<ValidationDatasetFixture>
{
    // One consistent SHIP_FROM_DC order (header, line, approved payment), created 2024-01-02 01:00Z; statuses are added per test.
    private const string OrderId = "ONL-20240102-999999";

    // A row's local labels (§2.3) recomputed after a test moves its event_ts, so that only the family under test breaks.
    private const string StoreLocal = "timezone(s.time_zone, timezone('UTC', event_ts))";
    private const string DcLocal = "timezone(d.time_zone, timezone('UTC', event_ts))";
    private const string StoreLabels = "business_date = CAST(" + StoreLocal + " AS DATE), local_hour = hour(" + StoreLocal + ") FROM dim_stores s";
    private const string DcLabels = "business_date = CAST(" + DcLocal + " AS DATE), local_hour = hour(" + DcLocal + ") FROM dim_distribution_centers d";

    private static readonly string[] s_consistentOrder =
    [
        $"""
        INSERT INTO fact_online_order_headers VALUES ('{OrderId}', TIMESTAMP '2024-01-02 01:00:00', {AtDcOne("2024-01-02 01:00:00")}, 1, 'SHIP_FROM_DC', 'DC', 1, 1, 1,
            10.00, 1000, 0.00, 0, 10.00, 1000, 0.70, 70, 10.70, 1070, 0.07, 'CREDIT', NULL, NULL, NULL)
        """,
        $"""
        INSERT INTO fact_online_order_lines VALUES ('{OrderId}', 1, TIMESTAMP '2024-01-02 01:00:00', {AtDcOne("2024-01-02 01:00:00")}, 1, 1,
            10.00, 1000, 10.00, 1000, 0.00, 0, 10.00, 1000, 0.70, 70, NULL)
        """,
        $"""
        INSERT INTO fact_payments VALUES ('TXN-{OrderId}-1', TIMESTAMP '2024-01-02 01:00:02', {AtDcOne("2024-01-02 01:00:02")}, NULL, '{OrderId}', NULL, 1, 1,
            'CREDIT', 'APPROVED', NULL, 10.70, 1070, 2000, NULL)
        """,
    ];

    [Fact]
    public void A_freshly_generated_dataset_passes_every_check_in_catalog_order()
    {
        using var database = dataset.OpenCopy();
        // The checks only mean something if the days exercised what they check.
        Assert.True(database.Scalar("SELECT count(*) FROM fact_receipts") > 0);
        Assert.True(database.Scalar("SELECT count(*) FROM fact_promotions") > 0);
        Assert.True(database.Scalar("SELECT count(*) FROM fact_stockouts") > 0);
        Assert.True(database.Scalar("SELECT count(*) FROM fact_truck_moves WHERE status = 'COMPLETED'") > 0);

        var report = dataset.Generated;

        Assert.Empty(report.Results.Where(r => r.Outcome != InvariantOutcome.Pass).Select(r => $"{r.Id}: {r.Violations}"));
        Assert.Equal(InvariantCatalog.All.Select(i => i.Id), report.Results.Select(r => r.Id));
        Assert.True(report.IsValid);
    }

    [Fact]
    public void An_empty_database_passes_every_check()
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("empty.duckdb"));

        var report = new DatasetValidator().Validate(database);

        Assert.Equal(report.Results.Count, report.Passed);
    }

    [Fact]
    public void An_event_after_the_watermark_fails_only_the_timeliness_check()
    {
        var report = ValidateAfter(
            "UPDATE fact_stockouts SET event_ts = event_ts + INTERVAL 10 DAY, business_date = business_date + 10 WHERE rowid = (SELECT min(rowid) FROM fact_stockouts)");
        AssertOnlyItsFamilyFails(report, "1.event_ts.stockouts");
    }

    [Theory]
    [InlineData("UPDATE fact_receipt_lines SET product_id = 999999 WHERE rowid = (SELECT min(rowid) FROM fact_receipt_lines)", "2.fk.receipt_lines.product")]
    [InlineData("UPDATE sim_campaigns SET campaign_type = 'BOGUS' WHERE rowid = (SELECT min(rowid) FROM sim_campaigns)", "2.enum.sim_campaigns.campaign_type")]
    [InlineData("UPDATE fact_customer_zone_changes SET to_zone = from_zone WHERE rowid = (SELECT min(rowid) FROM fact_customer_zone_changes)", "2.zone_changes.distinct_zones")]
    [InlineData("INSERT INTO fact_foot_traffic SELECT * FROM fact_foot_traffic LIMIT 1", "2.key.fact_foot_traffic")]
    [InlineData("UPDATE fact_receipts SET return_for_order_id_ext = 'ONL-20240101-999999' WHERE rowid = (SELECT min(rowid) FROM fact_receipts)", "2.fk.receipts.return_for_order")]
    public void A_broken_reference_key_or_vocabulary_fails_only_integrity_checks(string breaking, string expected) =>
        AssertOnlyItsFamilyFails(ValidateAfter(breaking), expected);

    [Fact]
    public void A_fact_value_outside_its_vocabulary_is_refused_by_the_database()
    {
        // The vocabulary columns are ENUMs (migration 008): the bad value never reaches the table, so no check has to find it.
        var refused = Assert.Throws<DuckDB.NET.Data.DuckDBException>(() =>
            ValidateAfter("UPDATE fact_truck_moves SET temperature_class = 'BOGUS' WHERE rowid = (SELECT min(rowid) FROM fact_truck_moves)"));
        Assert.Contains("BOGUS", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATE fact_receipt_lines SET ext_cents = ext_cents + 1 WHERE rowid = (SELECT min(rowid) FROM fact_receipt_lines)", "3.money.receipt_lines.net")]
    [InlineData("UPDATE fact_receipt_lines SET tax_amount = tax_amount + 0.01 WHERE rowid = (SELECT min(rowid) FROM fact_receipt_lines)", "3.decimal.receipt_lines")]
    [InlineData("UPDATE fact_receipts SET item_count = item_count + 1 WHERE rowid = (SELECT min(rowid) FROM fact_receipts)", "3.sum.receipts.lines")]
    [InlineData(
        "UPDATE fact_promotions SET discount_cents = discount_cents + 1, discount_amount = discount_amount + 0.01 WHERE rowid = (SELECT min(rowid) FROM fact_promotions)",
        "3.sum.promotions.promo_lines")]
    public void A_wrong_amount_fails_only_money_checks(string breaking, string expected) =>
        AssertOnlyItsFamilyFails(ValidateAfter(breaking), expected);

    [Theory]
    [InlineData(
        "DELETE FROM fact_payments WHERE rowid = (SELECT min(rowid) FROM fact_payments WHERE status = 'APPROVED' AND receipt_id_ext IS NOT NULL)",
        "4.payments.sales.approved_once")]
    [InlineData(
        "UPDATE fact_payments SET event_ts = (SELECT r.event_ts FROM fact_receipts r WHERE r.receipt_id_ext = fact_payments.receipt_id_ext) WHERE rowid = (SELECT min(rowid) FROM fact_payments WHERE receipt_id_ext IS NOT NULL)",
        "4.payments.after_parent")]
    public void A_missing_or_premature_payment_fails_only_payment_checks(string breaking, string expected) =>
        AssertOnlyItsFamilyFails(ValidateAfter(breaking), expected);

    [Theory]
    [InlineData(
        """
        UPDATE fact_store_inventory_txn SET balance = balance + 1 WHERE rowid = (
            SELECT min(t.rowid) FROM fact_store_inventory_txn t JOIN fact_store_inventory_txn e
                ON e.store_id = t.store_id AND e.product_id = t.product_id AND e.txn_seq < t.txn_seq)
        """,
        "5.inventory.store.balance_chain")]
    [InlineData("UPDATE sim_inventory_balances SET reserved = on_hand + 1 WHERE rowid = (SELECT min(rowid) FROM sim_inventory_balances)", "5.inventory.state.reserved")]
    [InlineData("DELETE FROM fact_truck_inventory WHERE rowid = (SELECT min(rowid) FROM fact_truck_inventory WHERE action = 'UNLOAD')", "5.shipments.unload_equals_load")]
    public void A_broken_balance_or_shipment_credit_fails_only_inventory_checks(string breaking, string expected) =>
        AssertOnlyItsFamilyFails(ValidateAfter(breaking), expected);

    [Theory]
    [InlineData(
        "UPDATE fact_truck_moves SET event_ts = event_ts - INTERVAL 1 HOUR WHERE rowid = (SELECT min(rowid) FROM fact_truck_moves WHERE status = 'LOADING');"
            + " UPDATE fact_truck_moves SET " + DcLabels + " WHERE d.dc_id = fact_truck_moves.dc_id AND status = 'LOADING'",
        "6.truck_moves.lifecycle_order")]
    [InlineData("DELETE FROM fact_truck_moves WHERE rowid = (SELECT min(rowid) FROM fact_truck_moves WHERE status = 'ARRIVED')", "6.truck_moves.no_skipped_status")]
    [InlineData("UPDATE fact_truck_moves SET stop_seq = stop_seq + 1 WHERE shipment_id = (SELECT min(shipment_id) FROM fact_truck_moves)", "6.trips.stops_and_capacity")]
    [InlineData("UPDATE fact_truck_moves SET formed_ts = formed_ts - INTERVAL 3 DAY WHERE trip_id = (SELECT min(trip_id) FROM fact_truck_moves)", "6.waits.scheduled_within_48h")]
    public void A_shipment_status_out_of_order_or_missing_fails_only_logistics_checks(string breaking, string expected) =>
        AssertOnlyItsFamilyFails(ValidateAfter(breaking), expected);

    [Theory]
    [InlineData(
        """
        UPDATE fact_ble_pings SET event_ts = (SELECT r.event_ts + INTERVAL 1 SECOND FROM fact_receipts r WHERE r.receipt_id_ext = 'RCP' || substr(fact_ble_pings.visit_id, 4))
        WHERE rowid = (SELECT min(rowid) FROM fact_ble_pings)
        """,
        "7.visits.not_after_receipt")]
    [InlineData(
        """
        UPDATE fact_receipts SET event_ts = (SELECT min(o.event_ts) - INTERVAL 1 MINUTE FROM fact_store_ops o WHERE o.store_id = fact_receipts.store_id)
        WHERE rowid = (SELECT min(rowid) FROM fact_receipts);
        """ + " UPDATE fact_receipts SET " + StoreLabels + " WHERE s.store_id = fact_receipts.store_id",
        "7.store_hours.receipts")]
    [InlineData(
        "UPDATE fact_customer_zone_changes SET event_ts = event_ts - INTERVAL 1 HOUR WHERE rowid = (SELECT min(rowid) FROM fact_customer_zone_changes);"
            + " UPDATE fact_customer_zone_changes SET " + StoreLabels + " WHERE s.store_id = fact_customer_zone_changes.store_id",
        "7.visits.zone_changes_within_pings")]
    public void An_activity_outside_its_visit_or_opening_hours_fails_only_causal_order_checks(string breaking, string expected) =>
        AssertOnlyItsFamilyFails(ValidateAfter(breaking), expected);

    [Fact]
    public void A_consistent_online_order_adds_no_violation()
    {
        var report = ValidateAfter([.. s_consistentOrder, .. Statuses(("PICKED", "2024-01-02 03:00:00"), ("SHIPPED", "2024-01-02 12:00:00"), ("DELIVERED", "2024-01-03 12:00:00"))]);
        Assert.Empty(NewViolations(report).Select(r => r.Id));
    }

    [Fact]
    public void An_order_picked_too_soon_fails_only_online_order_checks()
    {
        var report = ValidateAfter([.. s_consistentOrder, .. Statuses(("PICKED", "2024-01-02 01:10:00"), ("SHIPPED", "2024-01-02 12:00:00"), ("DELIVERED", "2024-01-03 12:00:00"))]);
        AssertOnlyItsFamilyFails(report, "8.orders.picked_after_creation");
    }

    [Fact]
    public void A_shipped_order_delivered_without_a_shipped_status_fails_only_online_order_checks()
    {
        var report = ValidateAfter([.. s_consistentOrder, .. Statuses(("PICKED", "2024-01-02 03:00:00"), ("DELIVERED", "2024-01-03 12:00:00"))]);
        AssertOnlyItsFamilyFails(report, "8.orders.status_sequence");
    }

    [Theory]
    [InlineData(
        """
        UPDATE fact_receipt_lines SET unit_cents = unit_cents + 1, unit_price = unit_price + 0.01
        WHERE rowid = (SELECT min(l.rowid) FROM fact_receipt_lines l JOIN fact_receipts r USING (receipt_id_ext) WHERE r.receipt_type = 'RETURN')
        """)]
    [InlineData(
        // A cent moved from the net to the discount of the return's first line and header: every sum still adds up.
        """
        UPDATE fact_receipt_lines SET gross_cents = gross_cents - 1, gross_amount = gross_amount - 0.01, discount_cents = discount_cents - 1, discount_amount = discount_amount - 0.01
        WHERE receipt_id_ext = (SELECT min(receipt_id_ext) FROM fact_receipts WHERE receipt_type = 'RETURN') AND line_num = 1;
        UPDATE fact_receipts SET gross_subtotal_cents = gross_subtotal_cents - 1, gross_subtotal = gross_subtotal - 0.01, discount_cents = discount_cents - 1, discount_amount = discount_amount - 0.01
        WHERE receipt_id_ext = (SELECT min(receipt_id_ext) FROM fact_receipts WHERE receipt_type = 'RETURN')
        """)]
    public void A_return_line_that_is_not_its_sale_line_negated_fails_only_the_return_lines_check(string breaking)
    {
        var report = ValidateAfter(breaking);

        AssertOnlyItsFamilyFails(report, "4.returns.lines_mirror_source");
        Assert.Equal(1, report.Results.Single(r => r.Id == "4.returns.lines_mirror_source").Violations);
    }

    [Fact]
    public void An_online_return_recorded_before_its_order_was_delivered_fails_only_the_causal_order_check()
    {
        // The first shipped online order that came back is delivered one second after its return instead (labels follow).
        const string Returned = """
            (SELECT min(r.return_for_order_id_ext) FROM fact_receipts r JOIN fact_online_order_headers o ON o.order_id_ext = r.return_for_order_id_ext
             WHERE o.fulfillment_mode <> 'BOPIS')
            """;
        var report = ValidateAfter(
            $"""
            UPDATE fact_online_order_status SET event_ts = (SELECT r.event_ts + INTERVAL 1 SECOND FROM fact_receipts r WHERE r.return_for_order_id_ext = fact_online_order_status.order_id_ext)
            WHERE status = 'DELIVERED' AND order_id_ext = {Returned}
            """,
            $"UPDATE fact_online_order_status SET {DcLabels} WHERE d.dc_id = node_id AND node_type = 'DC' AND status = 'DELIVERED' AND order_id_ext = {Returned}",
            $"UPDATE fact_online_order_status SET {StoreLabels} WHERE s.store_id = node_id AND node_type = 'STORE' AND status = 'DELIVERED' AND order_id_ext = {Returned}");

        AssertOnlyItsFamilyFails(report, "7.returns.after_delivery");
        Assert.Equal(1, report.Results.Single(r => r.Id == "7.returns.after_delivery").Violations);
    }

    [Fact]
    public void A_shipment_queued_for_over_a_day_is_a_warning_that_leaves_the_dataset_valid()
    {
        var report = ValidateAfter(
            """
            INSERT INTO sim_pending_shipments (shipment_id, trip_id, stop_seq, dc_id, store_id, temperature_class, priority, units, formed_ts, status)
            VALUES ('SHP-20240101-09999', 'TRP-20240101-09999', 1, 1, 1, 'AMBIENT', 'NORMAL', 10, TIMESTAMP '2024-01-03 12:00:00', 'QUEUED')
            """);

        var warning = Assert.Single(NewViolations(report));
        Assert.Equal("6.shipments.queued_over_24h", warning.Id);
        Assert.Equal(InvariantOutcome.Warn, warning.Outcome);
        Assert.Equal(dataset.Generated.Failed, report.Failed);
        Assert.Equal(dataset.Generated.Warnings + 1, report.Warnings);
    }

    [Theory]
    [InlineData("UPDATE fact_receipt_lines SET business_date = business_date + 1 WHERE rowid = (SELECT min(rowid) FROM fact_receipt_lines)", "10.labels.receipt_lines")]
    [InlineData("UPDATE fact_truck_moves SET local_hour = (local_hour + 1) % 24 WHERE rowid = (SELECT min(rowid) FROM fact_truck_moves WHERE status = 'ARRIVED')", "10.labels.truck_moves")]
    [InlineData("UPDATE fact_marketing SET business_date = business_date - 1 WHERE rowid = (SELECT min(rowid) FROM fact_marketing)", "10.labels.marketing")]
    [InlineData("UPDATE fact_store_ops SET local_hour = (local_hour + 1) % 24 WHERE rowid = (SELECT min(rowid) FROM fact_store_ops WHERE operation_type = 'CLOSED')", "10.labels.store_ops")]
    public void A_wrong_business_date_or_local_hour_fails_only_the_local_label_checks(string breaking, string expected)
    {
        var report = ValidateAfter(breaking);

        AssertOnlyItsFamilyFails(report, expected);
        Assert.Equal(1, report.Results.Single(r => r.Id == expected).Violations);
    }

    [Fact]
    public void A_store_sale_on_a_Dec_25_business_date_fails_the_christmas_check()
    {
        var report = ValidateAfter("UPDATE fact_receipts SET business_date = DATE '2023-12-25' WHERE rowid = (SELECT min(rowid) FROM fact_receipts)");

        AssertOnlyItsFamilyFails(report, "10.christmas.receipts");
    }

    [Theory]
    [InlineData("UPDATE fact_online_order_headers SET customer_id = 0 WHERE rowid = (SELECT min(rowid) FROM fact_online_order_headers)", "2.customers.anonymous_not_online")]
    [InlineData("UPDATE fact_marketing SET customer_id = 0 WHERE rowid = (SELECT min(rowid) FROM fact_marketing WHERE customer_id IS NOT NULL)", "2.customers.anonymous_not_marketed")]
    [InlineData(
        "UPDATE fact_receipts SET campaign_id = 'CMP-20240101' WHERE rowid = (SELECT min(rowid) FROM fact_receipts WHERE customer_id = 0 AND receipt_type = 'SALE')",
        "2.customers.anonymous_not_attributed")]
    [InlineData("UPDATE dim_customers SET first_name = 'Someone' WHERE customer_id = 0", "2.customers.anonymous_row")]
    [InlineData("UPDATE dim_customers SET join_date = NULL WHERE customer_id = 1", "2.customers.nulls_only_for_anonymous")]
    public void Customer_0_outside_walk_in_store_sales_fails_only_integrity_checks(string breaking, string expected) =>
        AssertOnlyItsFamilyFails(ValidateAfter(breaking), expected);

    [Fact]
    public void An_identified_receipt_before_its_customers_join_date_fails_the_join_date_check()
    {
        // The buyer of the first identified sale enrols the day after it (a date before the watermark, so the state
        // check's later-joiner rule does not apply).
        var report = ValidateAfter(
            """
            UPDATE dim_customers SET join_date = (SELECT CAST(min(event_ts) AS DATE) + 1 FROM fact_receipts WHERE customer_id > 0)
            WHERE customer_id = (SELECT customer_id FROM fact_receipts WHERE customer_id > 0 ORDER BY event_ts, receipt_id_ext LIMIT 1)
            """);

        AssertOnlyItsFamilyFails(report, "11.customers.receipts_after_join");
    }

    [Theory]
    [InlineData("UPDATE sim_customers SET status = 'ACTIVE' WHERE customer_id = (SELECT max(customer_id) FROM dim_customers)", "11.customers.state_lifecycle")]
    [InlineData("UPDATE sim_customers SET next_transition = DATE '2024-01-01' WHERE customer_id = 1", "11.customers.state_lifecycle")]
    [InlineData("DELETE FROM sim_customers WHERE customer_id = 1", "11.customers.state_covers_customers")]
    public void A_customer_lifecycle_state_inconsistent_with_the_rules_fails_only_customer_checks(string breaking, string expected) =>
        AssertOnlyItsFamilyFails(ValidateAfter(breaking), expected);

    [Fact]
    public void A_dataset_of_another_model_version_is_refused_in_one_line_naming_both_versions()
    {
        var refused = Assert.Throws<RefusedException>(() => ValidateAfter("UPDATE sim_state SET model_version = 1"));

        Assert.Equal(RefusalReason.OtherModelVersion, refused.Reason);
        Assert.Contains("model version 1 dataset", refused.Message);
        Assert.Contains($"model version {DatasetIdentity.ModelVersion}", refused.Message);
        Assert.Equal(2, DatasetIdentity.ModelVersion);
        Assert.DoesNotContain('\n', refused.Message);
    }

    private static IEnumerable<string> Statuses(params (string Status, string Timestamp)[] statuses) =>
        statuses.Select(s => $"INSERT INTO fact_online_order_status VALUES ('{OrderId}', '{s.Status}', TIMESTAMP '{s.Timestamp}', {AtDcOne(s.Timestamp)}, 'SHIP_FROM_DC', 'DC', 1)");

    /// <summary>business_date and local_hour of an instant at DC 1, the node of the test order (§2.3).</summary>
    private static string AtDcOne(string timestamp)
    {
        var local = $"timezone(time_zone, timezone('UTC', TIMESTAMP '{timestamp}'))";
        return $"(SELECT CAST({local} AS DATE) FROM dim_distribution_centers WHERE dc_id = 1), (SELECT hour({local}) FROM dim_distribution_centers WHERE dc_id = 1)";
    }

    private ValidationReport ValidateAfter(params string[] statements)
    {
        using var database = dataset.OpenCopy();
        foreach (var sql in statements)
        {
            database.Execute(sql);
        }

        return new DatasetValidator().Validate(database);
    }

    /// <summary>
    /// Checks with more violations than on the data as generated: what a test's change broke, whatever
    /// the generator itself may get wrong (which the first test reports).
    /// </summary>
    private IEnumerable<InvariantResult> NewViolations(ValidationReport report) =>
        report.Results.Where(r => r.Violations > dataset.Generated.Results.Single(g => g.Id == r.Id).Violations);

    private void AssertOnlyItsFamilyFails(ValidationReport report, string expected)
    {
        var family = InvariantCatalog.All.Single(i => i.Id == expected).Family;
        var broken = NewViolations(report).ToList();
        Assert.Contains(expected, broken.Select(r => r.Id));
        Assert.All(broken, r => Assert.True(r.Family == family && r.Outcome == InvariantOutcome.Fail, $"{r.Id} broke too ({r.Violations} violations)"));
        Assert.False(report.IsValid);
    }
}
