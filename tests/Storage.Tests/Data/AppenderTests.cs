using SupportLens.Storage.Data;

namespace SupportLens.Storage.Tests.Data;

public sealed class AppenderTests : IDisposable
{
    private readonly DuckDbConnection _connection = new(":memory:");

    public AppenderTests()
    {
        _connection.Open();
        _connection.ExecuteNonQuery("""
            CREATE TABLE loads (
                id BIGINT, ok BOOLEAN, small SMALLINT, n INTEGER, ratio DOUBLE, amount DECIMAL(14,2), big HUGEINT,
                name VARCHAR, raw BLOB, day DATE, at_time TIME, ts TIMESTAMP, tz TIMESTAMPTZ, span INTERVAL, uid UUID)
            """);
    }

    public void Dispose() => _connection.Dispose();

    [Fact]
    public void Typed_appends_and_nulls_land_as_given()
    {
        var uid = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");
        var instant = new DateTimeOffset(2026, 3, 8, 6, 59, 59, TimeSpan.FromHours(-5));
        using (var appender = _connection.CreateAppender("loads"))
        {
            appender.Append(1L).Append(true).Append((short)-3).Append(7).Append(0.25).Append(1234.56m).Append((Int128)long.MaxValue * 4)
                .Append("Zoë ✓").Append(new byte[] { 1, 2 }).Append(new DateOnly(2026, 3, 8)).Append(new TimeOnly(9, 30))
                .Append(new DateTime(2026, 3, 8, 2, 30, 0)).Append(instant).Append(new DuckDbInterval(1, 2, 3)).Append(uid);
            appender.EndRow();
            appender.Append(2L);
            for (var i = 1; i < 15; i++)
            {
                appender.AppendNull();
            }
            appender.EndRow();
            Assert.Equal(2, appender.RowsAppended);
            appender.Close();
        }

        using var command = new DuckDbCommand("SELECT * FROM loads ORDER BY id", _connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.True(reader.GetBoolean(1));
        Assert.Equal(-3, reader.GetInt16(2));
        Assert.Equal(7, reader.GetInt32(3));
        Assert.Equal(0.25, reader.GetDouble(4));
        Assert.Equal(1234.56m, reader.GetDecimal(5));
        Assert.Equal((Int128)long.MaxValue * 4, reader.GetFieldValue<Int128>(6));
        Assert.Equal("Zoë ✓", reader.GetString(7));
        Assert.Equal(new byte[] { 1, 2 }, (byte[])reader.GetValue(8));
        Assert.Equal(new DateOnly(2026, 3, 8), reader.GetDateOnly(9));
        Assert.Equal(new TimeSpan(9, 30, 0), reader.GetTimeSpan(10));
        Assert.Equal(new DateTime(2026, 3, 8, 2, 30, 0), reader.GetDateTime(11));
        Assert.Equal(instant, reader.GetDateTimeOffset(12));
        Assert.Equal(new DuckDbInterval(1, 2, 3), reader.GetInterval(13));
        Assert.Equal(uid, reader.GetGuid(14));
        Assert.True(reader.Read());
        for (var i = 1; i < 15; i++)
        {
            Assert.True(reader.IsDBNull(i));
        }
    }

    [Fact]
    public void Many_rows_append_and_count()
    {
        _connection.ExecuteNonQuery("CREATE TABLE many (id BIGINT, label VARCHAR)");
        using (var appender = _connection.CreateAppender("many"))
        {
            for (var i = 0; i < 50_000; i++)
            {
                appender.Append((long)i).Append(i % 3 == 0 ? null : $"label-{i}").EndRow();
            }
            appender.Close();
        }
        using var command = new DuckDbCommand("SELECT count(*), count(label), sum(id) FROM many", _connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(50_000, reader.GetInt64(0));
        Assert.Equal(50_000 - 16_667, reader.GetInt64(1));
        Assert.Equal(49_999L * 50_000 / 2, reader.GetInt64(2));
    }

    [Fact]
    public void A_missing_table_is_named()
    {
        var error = Assert.Throws<DuckDbException>(() => _connection.CreateAppender("nope"));
        Assert.Contains("nope", error.Message);
    }

    [Fact]
    public void A_short_row_names_the_row_and_column_count()
    {
        _connection.ExecuteNonQuery("CREATE TABLE pair (a INTEGER, b INTEGER)");
        using var appender = _connection.CreateAppender("pair");
        appender.Append(1).Append(2).EndRow();
        appender.Append(3);
        var error = Assert.Throws<DuckDbException>(appender.EndRow);
        Assert.Contains("row 2", error.Message);
        Assert.Contains("1 value(s) given", error.Message);
    }

    [Fact]
    public void A_value_that_does_not_convert_names_the_row_and_column()
    {
        _connection.ExecuteNonQuery("CREATE TABLE typed (a INTEGER, b INTEGER)");
        using var appender = _connection.CreateAppender("typed");
        appender.Append(1).Append(2).EndRow();
        appender.Append(3);
        var error = Assert.Throws<DuckDbException>(() => appender.Append("not a number"));
        Assert.Contains("row 2", error.Message);
        Assert.Contains("column 2", error.Message);
    }

    [Fact]
    public void A_constraint_violation_is_reported_on_flush_and_nothing_is_half_written()
    {
        _connection.ExecuteNonQuery("CREATE TABLE keyed (id INTEGER PRIMARY KEY)");
        using var transaction = _connection.BeginTransaction();
        using var appender = _connection.CreateAppender("keyed");
        appender.Append(1).EndRow();
        appender.Append(1).EndRow();
        var error = Assert.Throws<DuckDbException>(appender.Close);
        Assert.Contains("keyed", error.Message);
        transaction.Rollback();
        using var count = new DuckDbCommand("SELECT count(*) FROM keyed", _connection);
        Assert.Equal(0L, count.ExecuteScalar());
    }

    [Fact]
    public void Appends_inside_a_rolled_back_transaction_disappear()
    {
        _connection.ExecuteNonQuery("CREATE TABLE tx (id INTEGER)");
        using (var transaction = _connection.BeginTransaction())
        {
            using var appender = _connection.CreateAppender("tx");
            appender.Append(1).EndRow();
            appender.Close();
            transaction.Rollback();
        }
        using var count = new DuckDbCommand("SELECT count(*) FROM tx", _connection);
        Assert.Equal(0L, count.ExecuteScalar());
    }

    [Fact]
    public void Mismatched_values_name_the_column_and_its_type()
    {
        _connection.ExecuteNonQuery("CREATE TABLE named (client_id VARCHAR, replies SMALLINT)");
        using var appender = _connection.CreateAppender("named");
        appender.Append("c1");
        var error = Assert.Throws<DuckDbException>(() => appender.Append(100_000));
        Assert.Contains("column 2 (replies, SMALLINT)", error.Message);
        Assert.Contains("out of range", error.Message);
    }

    [Fact]
    public void Decimals_are_rounded_to_the_column_scale_and_checked_against_its_precision()
    {
        _connection.ExecuteNonQuery("CREATE TABLE money (mrr DECIMAL(6,2), big DECIMAL(38,4))");
        using (var appender = _connection.CreateAppender("money"))
        {
            appender.Append(1234.565m).Append(-12345678901234567890.1234m).EndRow();
            appender.Append(7).Append(0.5).EndRow();
            Assert.Throws<DuckDbException>(() => appender.Append(123456.7m));
            // The half-filled third row is dropped; the two complete rows are written.
            appender.Close();
        }
        using var command = new DuckDbCommand("SELECT mrr, big FROM money ORDER BY mrr DESC", _connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        Assert.Equal(1234.57m, reader.GetDecimal(0));
        Assert.Equal(-12345678901234567890.1234m, reader.GetDecimal(1));
        Assert.True(reader.Read());
        Assert.Equal(7.00m, reader.GetDecimal(0));
        Assert.Equal(0.5m, reader.GetDecimal(1));
    }

    [Fact]
    public void Rows_spanning_many_chunks_keep_their_nulls_in_place()
    {
        _connection.ExecuteNonQuery("CREATE TABLE sparse (id INTEGER, note VARCHAR, seen_at TIMESTAMPTZ)");
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using (var appender = _connection.CreateAppender("sparse"))
        {
            for (var i = 0; i < 10_000; i++)
            {
                appender.Append(i).Append(i % 7 == 0 ? null : $"note with more than twelve bytes {i}")
                    .Append(i % 5 == 0 ? null : start.AddMinutes(i)).EndRow();
            }
            appender.Close();
        }
        using var command = new DuckDbCommand("SELECT id, note, seen_at FROM sparse ORDER BY id", _connection);
        using var reader = command.ExecuteReader();
        var i2 = 0;
        while (reader.Read())
        {
            Assert.Equal(i2, reader.GetInt32(0));
            Assert.Equal(i2 % 7 == 0, reader.IsDBNull(1));
            Assert.Equal(i2 % 5 == 0, reader.IsDBNull(2));
            if (i2 % 7 != 0)
            {
                Assert.Equal($"note with more than twelve bytes {i2}", reader.GetString(1));
            }
            if (i2 % 5 != 0)
            {
                Assert.Equal(start.AddMinutes(i2), reader.GetDateTimeOffset(2));
            }
            i2++;
        }
        Assert.Equal(10_000, i2);
    }

    [Fact]
    public void Disposing_without_close_discards_unflushed_rows()
    {
        _connection.ExecuteNonQuery("CREATE TABLE dropped (id INTEGER)");
        using (var appender = _connection.CreateAppender("dropped"))
        {
            for (var i = 0; i < 5000; i++)
            {
                appender.Append(i).EndRow();
            }
        }
        using var count = new DuckDbCommand("SELECT count(*) FROM dropped", _connection);
        Assert.Equal(0L, count.ExecuteScalar());
    }
}
