using DuckDB.NET.Data;
using RetailSynth.Engine.Simulation.State;
using RetailSynth.Engine.Simulation.Stores;

namespace RetailSynth.Storage;

/// <summary>
/// Reads the committed sales and online orders of every return scheduled in the state, so the pure simulator can
/// copy their lines (§11). Read once when generation starts; later days add their own sales from memory.
/// </summary>
internal static class ReturnSalesReader
{
    public static Dictionary<string, SaleForReturn> Load(DuckDBConnection connection, SimulationState state)
    {
        var ids = state.ScheduledReturns.Select(r => r.SourceIdExt).ToHashSet(StringComparer.Ordinal);
        var result = new Dictionary<string, SaleForReturn>(StringComparer.Ordinal);
        if (ids.Count == 0)
        {
            return result;
        }


        connection.Execute("CREATE OR REPLACE TEMP TABLE return_sale_ids (receipt_id_ext VARCHAR)");
        using (var appender = connection.CreateAppender("return_sale_ids"))
        {
            foreach (var id in ids)
            {
                appender.CreateRow().AppendValue(id).EndRow();
            }
        }

        var tenders = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, List<SoldLine>>(StringComparer.Ordinal);
        connection.ForEachRow(
            """
            SELECT coalesce(p.receipt_id_ext, p.order_id_ext), p.payment_method
            FROM fact_payments p JOIN return_sale_ids s ON s.receipt_id_ext IN (p.receipt_id_ext, p.order_id_ext)
            WHERE p.status = 'APPROVED'
            """,
            reader => tenders[reader.GetString(0)] = reader.GetString(1));
        connection.ForEachRow(
            """
            SELECT l.receipt_id_ext, l.line_num, l.product_id, l.quantity, l.unit_cents, l.gross_cents, l.discount_cents, l.ext_cents, l.tax_cents
            FROM fact_receipt_lines l JOIN return_sale_ids USING (receipt_id_ext)
            UNION ALL
            SELECT l.order_id_ext, l.line_num, l.product_id, l.quantity, l.unit_cents, l.gross_cents, l.discount_cents, l.ext_cents, l.tax_cents
            FROM fact_online_order_lines l JOIN return_sale_ids s ON s.receipt_id_ext = l.order_id_ext
            ORDER BY 1, 2
            """,
            reader =>
            {
                var id = reader.GetString(0);
                if (!lines.TryGetValue(id, out var list))
                {
                    lines[id] = list = [];
                }

                list.Add(new SoldLine(
                    reader.GetInt32(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt64(4),
                    new LineMoney(reader.GetInt64(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt64(8))));
            });

        connection.Execute("DROP TABLE return_sale_ids");
        foreach (var (id, saleLines) in lines)
        {
            result[id] = new SaleForReturn(id, tenders[id], saleLines);
        }

        return result;
    }
}
