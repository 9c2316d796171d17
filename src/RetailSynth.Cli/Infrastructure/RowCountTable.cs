using Spectre.Console;

namespace RetailSynth.Cli;

/// <summary>The "table | rows" listing that generate, status and demo print.</summary>
internal static class RowCountTable
{
    public static Table Create(IEnumerable<KeyValuePair<string, long>> rowsPerTable)
    {
        var table = new Table().AddColumn("table").AddColumn(new TableColumn("rows").RightAligned());
        foreach (var (name, rows) in rowsPerTable)
        {
            table.AddRow(name, rows.ToString("N0"));
        }

        return table;
    }
}
