using DuckDB.NET.Data;

namespace RetailSynth.Storage;

/// <summary>
/// Customer 0 of dim_customers (data-model §6.5): every walk-in buyer who is not identified. Named
/// "Anonymous Shopper", not opted in to beacons, and NULL in every other column.
/// </summary>
internal static class AnonymousShopper
{
    public const long CustomerId = 0;
    public const string FirstName = "Anonymous";
    public const string LastName = "Shopper";

    /// <summary>A placeholder for the appender loop: the row has no attributes of its own.</summary>
    public static readonly object Row = new();

    /// <summary>The 17 columns of dim_customers in migration order.</summary>
    public static IDuckDBAppenderRow Fill(IDuckDBAppenderRow row)
    {
        row.AppendValue(CustomerId).AppendValue(FirstName).AppendValue(LastName);
        for (var column = 0; column < 10; column++)
        {
            row.AppendNullValue(); // address … mobility_segment
        }

        row.AppendValue(false); // ble_opt_in
        for (var column = 0; column < 3; column++)
        {
            row.AppendNullValue(); // join_date, primary_store_id, secondary_store_id
        }

        return row;
    }
}
