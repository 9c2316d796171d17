using RetailSynth.Storage;

namespace RetailSynth.Core.Tests.Jobs.Report;

/// <summary>
/// Gives a test copy the model v2 columns the KPIs read (data-model §16–§17) when the file lacks them, filled from the
/// v1 data (UTC labels, one stop per trip, a store's coordinates from its geography), so a KPI test can break the one
/// value it is about. A file that already has a column keeps its values.
/// </summary>
internal static class ModelV2Columns
{
    public static void Ensure(RetailDatabase database)
    {
        foreach (var table in DatasetTables.Facts)
        {
            if (AddColumn(database, table, "business_date", "DATE"))
            {
                database.Execute($"UPDATE {table} SET business_date = CAST(event_ts AS DATE)");
            }

            if (AddColumn(database, table, "local_hour", "SMALLINT"))
            {
                database.Execute($"UPDATE {table} SET local_hour = hour(event_ts)");
            }
        }

        AddColumn(database, "fact_receipts", "return_for_order_id_ext", "VARCHAR");
        if (AddColumn(database, "fact_truck_moves", "trip_id", "VARCHAR"))
        {
            database.Execute("UPDATE fact_truck_moves SET trip_id = shipment_id");
        }

        if (AddColumn(database, "fact_truck_moves", "stop_seq", "SMALLINT"))
        {
            database.Execute("UPDATE fact_truck_moves SET stop_seq = 1");
        }

        if (AddColumn(database, "fact_truck_moves", "formed_ts", "TIMESTAMP"))
        {
            database.Execute("""
                UPDATE fact_truck_moves m SET formed_ts = s.event_ts
                FROM (SELECT shipment_id, event_ts FROM fact_truck_moves WHERE status = 'SCHEDULED') s WHERE s.shipment_id = m.shipment_id
                """);
        }

        if (AddColumn(database, "dim_stores", "dc_road_miles", "DOUBLE"))
        {
            database.Execute("UPDATE dim_stores SET dc_road_miles = 120");
        }

        foreach (var table in new[] { "dim_stores", "dim_customers" })
        {
            if (AddColumn(database, table, "latitude", "DOUBLE") & AddColumn(database, table, "longitude", "DOUBLE"))
            {
                database.Execute($"UPDATE {table} t SET latitude = g.latitude, longitude = g.longitude FROM dim_geographies g WHERE g.geography_id = t.geography_id");
            }
        }

        if (AddColumn(database, "dim_customers", "join_date", "DATE"))
        {
            database.Execute("UPDATE dim_customers SET join_date = DATE '2023-01-01'");
        }

        if (AddColumn(database, "dim_products", "season_profile", "VARCHAR"))
        {
            database.Execute("UPDATE dim_products SET season_profile = 'NONE'");
        }
    }

    /// <summary>Adds the column when it is missing; true when it was added.</summary>
    private static bool AddColumn(RetailDatabase database, string table, string column, string type)
    {
        if (database.Scalar($"SELECT count(*) FROM information_schema.columns WHERE table_name = '{table}' AND column_name = '{column}'") > 0)
        {
            return false;
        }

        database.Execute($"ALTER TABLE {table} ADD COLUMN {column} {type}");
        return true;
    }
}
