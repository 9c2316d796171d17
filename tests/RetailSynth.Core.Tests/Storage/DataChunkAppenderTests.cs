using RetailSynth.Foundation.Errors;
using RetailSynth.Storage;
using RetailSynth.Tests;

namespace RetailSynth.Core.Tests.Storage;

public class DataChunkAppenderTests
{
    // More rows than two chunks of 2,048, so rows, strings and lists cross chunk boundaries.
    private const int Rows = 5_000;

    private static readonly DateTime s_start = new(2024, 3, 31, 23, 59, 58, 7, DateTimeKind.Utc);

    private static RetailDatabase OpenWithTable(TempFolder folder)
    {
        var database = RetailDatabase.Open(folder.File("db.duckdb"));
        database.Execute("""
            CREATE TABLE sample (
                id BIGINT NOT NULL, name VARCHAR, quantity INTEGER, ts TIMESTAMP, day DATE,
                amount DECIMAL(18,2), rate DECIMAL(7,5), ids BIGINT[])
            """);
        return database;
    }

    // Short, exactly 12 and 13 bytes (the inline limit), multi-byte, long, empty and NULL strings.
    private static string? Name(int i) => (i % 7) switch
    {
        0 => null,
        1 => "",
        2 => "abcdefghijkl",
        3 => "abcdefghijklm",
        4 => $"café ☕ {i}",
        5 => new string('x', i % 300) + i,
        _ => $"N{i}",
    };

    private static long[] Ids(int i) => [.. Enumerable.Range(0, i % 4).Select(k => (long)i * 10 + k)];

    private static void AppendSample(DataChunkAppender appender, int from, int count)
    {
        for (var i = from; i < from + count; i++)
        {
            appender.CreateRow()
                .Append((long)i).Append(Name(i)).Append(i % 5 == 0 ? null : (int?)(i - 2_500))
                .Append(i % 9 == 0 ? null : (DateTime?)s_start.AddMilliseconds(i * 1_001L)).Append(DateOnly.FromDateTime(s_start).AddDays(i))
                .AppendDecimal(-i * 101L, 2).AppendDecimal(7_250 + i, 5).Append(Ids(i))
                .EndRow();
        }
    }

    [Fact]
    public void Rows_across_several_chunks_read_back_with_every_value_and_null_in_place()
    {
        using var folder = new TempFolder();
        using var database = OpenWithTable(folder);

        using (var transaction = database.Connection.BeginTransaction())
        {
            using var appender = new DataChunkAppender(database.Connection, "sample");
            AppendSample(appender, 0, 1_000); // an hour at a time, as the day writer does
            AppendSample(appender, 1_000, Rows - 1_000);
            appender.Close();
            transaction.Commit();
        }

        using var command = database.Connection.CreateCommand();
        command.CommandText = "SELECT id, name, quantity, ts, day, amount, rate, ids FROM sample ORDER BY id";
        using var reader = command.ExecuteReader();
        var i = 0;
        for (; reader.Read(); i++)
        {
            Assert.Equal(i, reader.GetInt64(0));
            Assert.Equal(Name(i), reader.IsDBNull(1) ? null : reader.GetString(1));
            Assert.Equal(i % 5 == 0 ? null : i - 2_500, reader.IsDBNull(2) ? (int?)null : reader.GetInt32(2));
            Assert.Equal(i % 9 == 0 ? null : s_start.AddMilliseconds(i * 1_001L), reader.IsDBNull(3) ? (DateTime?)null : reader.GetDateTime(3));
            Assert.Equal(DateOnly.FromDateTime(s_start).AddDays(i), reader.GetFieldValue<DateOnly>(4));
            Assert.Equal(-i * 101L / 100m, reader.GetDecimal(5));
            Assert.Equal((7_250 + i) / 100_000m, reader.GetDecimal(6));
            Assert.Equal(Ids(i), reader.GetFieldValue<List<long>>(7));
        }

        Assert.Equal(Rows, i);
    }

    [Fact]
    public void Doubles_and_booleans_across_several_chunks_read_back_bit_for_bit()
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        database.Execute("CREATE TABLE balances (id BIGINT NOT NULL, factor DOUBLE NOT NULL, open BOOLEAN NOT NULL)");
        static double Factor(int i) => i % 3 == 0 ? -i / 7.0 : 1.0 + (i * 0.1);

        using (var transaction = database.Connection.BeginTransaction())
        {
            using var appender = new DataChunkAppender(database.Connection, "balances");
            for (var i = 0; i < Rows; i++)
            {
                appender.CreateRow().Append((long)i).Append(Factor(i)).Append(i % 3 == 1).EndRow();
            }

            appender.Close();
            transaction.Commit();
        }

        using var command = database.Connection.CreateCommand();
        command.CommandText = "SELECT id, factor, open FROM balances ORDER BY id";
        using var reader = command.ExecuteReader();
        var read = 0;
        for (; reader.Read(); read++)
        {
            Assert.Equal(read, reader.GetInt64(0));
            Assert.Equal(BitConverter.DoubleToInt64Bits(Factor(read)), BitConverter.DoubleToInt64Bits(reader.GetDouble(1)));
            Assert.Equal(read % 3 == 1, reader.GetBoolean(2));
        }

        Assert.Equal(Rows, read);
    }

    [Fact]
    public void Uuids_read_back_as_the_same_text_and_sort_as_their_text_does()
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        database.Execute("CREATE TABLE ids (id BIGINT NOT NULL, event_id UUID NOT NULL)");
        // Both halves' top bits set and clear, the extremes, and version-5 ids like the outbox's.
        var ids = new List<Guid>
        {
            Guid.Empty, Guid.AllBitsSet, Guid.Parse("7fffffff-ffff-ffff-8000-000000000000"), Guid.Parse("80000000-0000-0000-7fff-ffffffffffff"),
        };
        ids.AddRange(Enumerable.Range(0, Rows).Select(i => new Guid([.. BitConverter.GetBytes(i * 7_919L), .. BitConverter.GetBytes(~(long)i)])));

        using (var transaction = database.Connection.BeginTransaction())
        {
            using var appender = new DataChunkAppender(database.Connection, "ids");
            for (var i = 0; i < ids.Count; i++)
            {
                appender.CreateRow().Append((long)i).Append(ids[i]).EndRow();
            }

            appender.Close();
            transaction.Commit();
        }

        using var command = database.Connection.CreateCommand();
        command.CommandText = "SELECT id, event_id::VARCHAR, event_id FROM ids ORDER BY id";
        using var reader = command.ExecuteReader();
        var read = 0;
        for (; reader.Read(); read++)
        {
            Assert.Equal(ids[read].ToString(), reader.GetString(1));
            Assert.Equal(ids[read], reader.GetGuid(2));
        }

        Assert.Equal(ids.Count, read);
        var byUuid = new List<string>();
        database.Connection.ForEachRow("SELECT event_id::VARCHAR FROM ids ORDER BY event_id", r => byUuid.Add(r.GetString(0)));
        Assert.Equal(ids.Select(g => g.ToString()).Order(StringComparer.Ordinal), byUuid);
    }

    [Fact]
    public void A_value_of_the_wrong_type_names_the_table_and_the_column()
    {
        using var folder = new TempFolder();
        using var database = OpenWithTable(folder);
        using var appender = new DataChunkAppender(database.Connection, "sample");

        var error = Assert.Throws<InvalidOperationException>(() => appender.CreateRow().Append(1L).Append(2L));

        Assert.Equal("sample: column 2 is Varchar, the row appended BIGINT.", error.Message);
    }

    [Fact]
    public void Strings_into_enum_columns_read_back_as_the_same_strings_and_nulls_across_several_chunks()
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        // A 300-value ENUM is stored in two bytes, the small one in one: both widths are written.
        var wide = string.Join(", ", Enumerable.Range(0, 300).Select(v => $"'w{v:D3}'"));
        database.Execute($"CREATE TYPE small AS ENUM ('B', 'A', 'C'); CREATE TYPE wide AS ENUM ({wide}); CREATE TABLE e (id BIGINT, s small, w wide)");

        using (var transaction = database.Connection.BeginTransaction())
        {
            using var appender = new DataChunkAppender(database.Connection, "e");
            for (var i = 0; i < Rows; i++)
            {
                appender.CreateRow().Append((long)i).Append(i % 4 == 3 ? null : "BAC"[i % 3].ToString()).Append($"w{i % 300:D3}").EndRow();
            }

            appender.Close();
            transaction.Commit();
        }

        Assert.Equal(Rows, database.Scalar("SELECT count(*) FROM e"));
        Assert.Equal(0, database.Scalar(
            "SELECT count(*) FROM e WHERE s IS DISTINCT FROM (CASE WHEN id % 4 = 3 THEN NULL ELSE ['B', 'A', 'C'][id % 3 + 1] END) OR CAST(w AS VARCHAR) <> 'w' || lpad(CAST(id % 300 AS VARCHAR), 3, '0')"));
    }

    [Fact]
    public void A_string_outside_an_enum_names_the_table_the_column_and_the_value()
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        database.Execute("CREATE TYPE small AS ENUM ('A', 'B'); CREATE TABLE e (id BIGINT, s small)");
        using var transaction = database.Connection.BeginTransaction();
        using var appender = new DataChunkAppender(database.Connection, "e");

        var error = Assert.Throws<InvalidOperationException>(() => appender.CreateRow().Append(1L).Append("Z").EndRow());
        Assert.Equal("e: column 2 is an ENUM without the value 'Z'.", error.Message);
    }

    [Fact]
    public void A_decimal_of_another_scale_is_refused()
    {
        using var folder = new TempFolder();
        using var database = OpenWithTable(folder);
        using var appender = new DataChunkAppender(database.Connection, "sample");
        var row = appender.CreateRow().Append(1L).Append("a").Append(1).Append(s_start).Append(new DateOnly(2024, 1, 1));

        var error = Assert.Throws<InvalidOperationException>(() => row.AppendDecimal(1, 4));

        Assert.Contains("column 6 is a DECIMAL of scale 2", error.Message);
    }

    [Fact]
    public void A_missing_table_is_named_in_one_clear_error()
    {
        using var folder = new TempFolder();
        using var database = OpenWithTable(folder);

        var error = Assert.Throws<RetailSynthException>(() => new DataChunkAppender(database.Connection, "no_such_table"));

        Assert.StartsWith("Could not open the Appender of no_such_table: ", error.Message);
    }

    [Fact]
    public void A_row_ended_before_its_last_column_is_refused()
    {
        using var folder = new TempFolder();
        using var database = OpenWithTable(folder);
        using var appender = new DataChunkAppender(database.Connection, "sample");

        var error = Assert.Throws<InvalidOperationException>(() => appender.CreateRow().Append(1L).Append("a").EndRow());

        Assert.Equal("sample: a row ended after 2 of its 8 columns.", error.Message);
    }

    [Fact]
    public void A_constraint_DuckDB_rejects_surfaces_as_one_clear_error()
    {
        using var folder = new TempFolder();
        using var database = OpenWithTable(folder);
        using var appender = new DataChunkAppender(database.Connection, "sample");
        appender.CreateRow()
            .Append((long?)null).Append("a").Append(1).Append(s_start).Append(new DateOnly(2024, 1, 1))
            .AppendDecimal(1, 2).AppendDecimal(1, 5).Append(Array.Empty<long>())
            .EndRow();

        var error = Assert.Throws<RetailSynthException>(appender.Close);

        Assert.StartsWith("Could not close the Appender of sample: ", error.Message); // the chunk reaches DuckDB on close
        Assert.Contains("NOT NULL", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, database.Scalar("SELECT count(*) FROM sample"));
    }

    [Fact]
    public void Rows_handed_over_when_a_day_is_abandoned_are_rolled_back_with_its_transaction()
    {
        using var folder = new TempFolder();
        using var database = OpenWithTable(folder);

        using (var transaction = database.Connection.BeginTransaction())
        {
            using (var appender = new DataChunkAppender(database.Connection, "sample"))
            {
                AppendSample(appender, 0, Rows); // full chunks already went to DuckDB's Appender, the rest is still in the chunk
            }

            transaction.Rollback();
        }

        Assert.Equal(0, database.Scalar("SELECT count(*) FROM sample"));
    }

    [Fact]
    public void With_an_active_column_list_rows_give_those_columns_and_the_others_take_their_defaults()
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        database.Execute("CREATE TABLE partial (id BIGINT NOT NULL, status VARCHAR NOT NULL DEFAULT 'pending', note VARCHAR, tries INTEGER DEFAULT 0, code VARCHAR)");

        using (var transaction = database.Connection.BeginTransaction())
        {
            using var appender = new DataChunkAppender(database.Connection, "partial", ["code", "id"]);
            for (var i = 0; i < Rows; i++)
            {
                appender.CreateRow().Append($"c{i}").Append((long)i).EndRow(); // in the list's order, not the table's
            }

            appender.Close();
            transaction.Commit();
        }

        Assert.Equal(Rows, database.Scalar("SELECT count(*) FROM partial WHERE status = 'pending' AND note IS NULL AND tries = 0 AND code = 'c' || id"));
    }

    [Fact]
    public void An_active_column_the_table_lacks_is_refused_with_its_name()
    {
        using var folder = new TempFolder();
        using var database = RetailDatabase.Open(folder.File("db.duckdb"));
        database.Execute("CREATE TABLE partial (id BIGINT NOT NULL)");

        var error = Assert.Throws<RetailSynthException>(() => new DataChunkAppender(database.Connection, "partial", ["id", "missing"]));

        Assert.Contains("activate column missing of the Appender of partial", error.Message, StringComparison.Ordinal);
    }
}
