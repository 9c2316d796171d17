using DuckDB.NET.Data;

namespace RetailSynth.Storage;

/// <summary>One Appender loop per dimension table; column order matches migration 001.</summary>
internal static class DimensionAppenders
{
    public static void AppendAll(DuckDBConnection connection, DimensionSet d, CancellationToken cancellationToken)
    {
        Append(connection, "dim_geographies", d.Geographies, (row, g) => row
            .AppendValue(g.GeographyId).AppendValue(g.City).AppendValue(g.State).AppendValue(g.ZipCode)
            .AppendValue(g.District).AppendValue(g.Region).AppendValue(g.Latitude).AppendValue(g.Longitude)
            .AppendValue(g.TimeZone).AppendValue(g.PlacementWeight), cancellationToken);

        Append(connection, "dim_distribution_centers", d.DistributionCenters, (row, dc) => row
            .AppendValue(dc.DcId).AppendValue(dc.DcNumber).AppendValue(dc.Address).AppendValue(dc.GeographyId)
            .AppendValue(dc.TimeZone).AppendValue(dc.Latitude).AppendValue(dc.Longitude)
            .AppendValue(dc.RoadMilesToDcs), cancellationToken);

        Append(connection, "dim_stores", d.Stores, (row, s) => row
            .AppendValue(s.StoreId).AppendValue(s.StoreNumber).AppendValue(s.Address).AppendValue(s.GeographyId)
            .AppendValue(s.Latitude).AppendValue(s.Longitude).AppendValue(s.TimeZone).AppendValue(s.TaxRateE5 / 100_000m).AppendValue(s.GeographyClass)
            .AppendValue(s.VolumeClass).AppendValue(s.StoreFormat).AppendValue(s.HoursClass).AppendValue(s.OperatingHours)
            .AppendValue(s.OpenMinute).AppendValue(s.CloseMinute).AppendValue(s.DailyTrafficMultiplier)
            .AppendValue(s.NearestDcId).AppendValue(s.DcRoadMiles)
            .AppendValue(s.RouteId).AppendValue(s.RouteStopSeq).AppendValue(s.RouteLegMiles).AppendValue(s.RouteStopMiles)
            .AppendValue(s.NeighborStoreIds), cancellationToken);

        Append(connection, "dim_trucks", d.Trucks, (row, t) => row
            .AppendValue(t.TruckId).AppendValue(t.LicensePlate).AppendValue(t.Refrigerated).AppendValue(t.FleetType)
            .AppendValue(t.DcId).AppendValue(t.CapacityUnits), cancellationToken);

        Append(connection, "dim_customers", [AnonymousShopper.Row], (row, _) => AnonymousShopper.Fill(row), cancellationToken);
        Append(connection, "dim_customers", d.Customers, (row, c) => row
            .AppendValue(c.CustomerId).AppendValue(c.FirstName).AppendValue(c.LastName).AppendValue(c.Address)
            .AppendValue(c.GeographyId).AppendValue(c.Latitude).AppendValue(c.Longitude).AppendValue(c.Phone)
            .AppendValue(c.LoyaltyCard).AppendValue(c.BleId).AppendValue(c.AdId).AppendValue(c.ShopperSegment)
            .AppendValue(c.MobilitySegment).AppendValue(c.BleOptIn).AppendValue(c.JoinDate)
            .AppendValue(c.PrimaryStoreId).AppendValue(c.SecondaryStoreId), cancellationToken);

        Append(connection, "dim_products", d.Products, (row, p) => row
            .AppendValue(p.ProductId).AppendValue(p.ProductName).AppendValue(p.Brand).AppendValue(p.Company)
            .AppendValue(p.Department).AppendValue(p.Category).AppendValue(p.Subcategory).AppendValue(p.MerchGroup)
            .AppendValue(p.CostCents / 100m).AppendValue(p.CostCents)
            .AppendValue(p.MsrpCents / 100m).AppendValue(p.MsrpCents)
            .AppendValue(p.SalePriceCents / 100m).AppendValue(p.SalePriceCents)
            .AppendValue(p.RequiresRefrigeration).AppendValue(p.Taxability).AppendValue(p.LaunchDate)
            .AppendValue(p.PopularityWeight).AppendValue(p.DemandWeight).AppendValue(p.CasePack).AppendValue(p.SeasonProfile)
            .AppendValue(p.Tags), cancellationToken);
    }

    private static void Append<T>(
        DuckDBConnection connection, string table, IReadOnlyList<T> rows, Func<IDuckDBAppenderRow, T, IDuckDBAppenderRow> fill, CancellationToken cancellationToken)
    {
        using var appender = connection.CreateAppender(table);
        for (var i = 0; i < rows.Count; i++)
        {
            if ((i & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            fill(appender.CreateRow(), rows[i]).EndRow();
        }
    }
}
