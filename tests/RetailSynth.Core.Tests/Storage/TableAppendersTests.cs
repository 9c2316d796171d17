using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Storage;

public class TableAppendersTests
{
    private static RetailDatabase OpenWithTable(TempFolder folder)
    {
        var database = RetailDatabase.Open(folder.File("db.duckdb"));
        database.Execute("CREATE TABLE numbers (n BIGINT)");
        return database;
    }

    private static void AppendBatch(TableAppenders appenders, long from, int count)
    {
        var appender = appenders.For("numbers");
        for (var n = from; n < from + count; n++)
        {
            appender.CreateRow().AppendValue(n).EndRow();
        }
    }

    [Fact]
    public void Batches_appended_through_one_open_appender_all_land_when_it_closes()
    {
        using var folder = new TempFolder();
        using var database = OpenWithTable(folder);

        using (var transaction = database.Connection.BeginTransaction())
        {
            using var appenders = new TableAppenders(database.Connection);
            Assert.Same(appenders.For("numbers"), appenders.For("numbers"));
            for (var batch = 0; batch < 24; batch++)
            {
                AppendBatch(appenders, batch * 1_000L, 1_000); // an hour at a time, as the day writer does
            }

            appenders.Close();
            transaction.Commit();
        }

        Assert.Equal(24_000, database.Scalar("SELECT count(*) FROM numbers"));
        Assert.Equal(24_000, database.Scalar("SELECT count(DISTINCT n) FROM numbers"));
    }

    [Fact]
    public void Rows_still_buffered_when_a_day_is_abandoned_are_rolled_back_with_its_transaction()
    {
        using var folder = new TempFolder();
        using var database = OpenWithTable(folder);

        using (var transaction = database.Connection.BeginTransaction())
        {
            using (var appenders = new TableAppenders(database.Connection))
            {
                AppendBatch(appenders, 0, 5_000);
            }

            transaction.Rollback();
        }

        Assert.Equal(0, database.Scalar("SELECT count(*) FROM numbers"));
    }
}
