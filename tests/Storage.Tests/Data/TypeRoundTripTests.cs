using System.Numerics;
using SupportLens.Storage.Data;

namespace SupportLens.Storage.Tests.Data;

/// <summary>Every supported type goes in as a parameter or SQL literal and comes back out of a chunk unchanged.</summary>
public sealed class TypeRoundTripTests : IDisposable
{
    private readonly DuckDbConnection _connection = new(":memory:");

    public TypeRoundTripTests() => _connection.Open();

    public void Dispose() => _connection.Dispose();

    private object Echo(string type, object? value)
    {
        using var command = new DuckDbCommand($"SELECT $v::{type}", _connection);
        command.Parameters.Add("v", value);
        return command.ExecuteScalar()!;
    }

    private object Scalar(string sql)
    {
        using var command = new DuckDbCommand(sql, _connection);
        return command.ExecuteScalar()!;
    }

    [Theory]
    [InlineData("BOOLEAN", true)]
    [InlineData("BOOLEAN", false)]
    [InlineData("TINYINT", (sbyte)-128)]
    [InlineData("TINYINT", (sbyte)127)]
    [InlineData("SMALLINT", short.MinValue)]
    [InlineData("SMALLINT", short.MaxValue)]
    [InlineData("INTEGER", int.MinValue)]
    [InlineData("INTEGER", int.MaxValue)]
    [InlineData("BIGINT", long.MinValue)]
    [InlineData("BIGINT", long.MaxValue)]
    [InlineData("UTINYINT", (byte)255)]
    [InlineData("USMALLINT", ushort.MaxValue)]
    [InlineData("UINTEGER", uint.MaxValue)]
    [InlineData("UBIGINT", ulong.MaxValue)]
    [InlineData("DOUBLE", double.Epsilon)]
    [InlineData("DOUBLE", -1.7976931348623157E+308)]
    [InlineData("DOUBLE", double.PositiveInfinity)]
    [InlineData("FLOAT", 3.25f)]
    [InlineData("VARCHAR", "")]
    [InlineData("VARCHAR", "short")]
    [InlineData("VARCHAR", "exactly12chr")]
    [InlineData("VARCHAR", "thirteen chars")]
    [InlineData("VARCHAR", "Zürich – 東京 – 🎧 support")]
    public void Scalars_round_trip_with_their_clr_type(string type, object value)
    {
        var result = Echo(type, value);
        Assert.Equal(value.GetType(), result.GetType());
        Assert.Equal(value, result);
    }

    [Fact]
    public void Nan_round_trips()
    {
        Assert.True(double.IsNaN((double)Echo("DOUBLE", double.NaN)));
    }

    [Fact]
    public void A_one_megabyte_string_round_trips()
    {
        var text = string.Concat(Enumerable.Repeat("ticket-Ω-", 1024 * 1024 / 10)) + "end";
        Assert.Equal(text, Echo("VARCHAR", text));
    }

    [Fact]
    public void Hugeint_round_trips_at_its_extremes()
    {
        var max = (BigInteger)Int128.MaxValue;
        var min = (BigInteger)Int128.MinValue;
        Assert.Equal(max, Echo("HUGEINT", max));
        Assert.Equal(min, Echo("HUGEINT", min));
        Assert.Equal(new BigInteger(-1), Echo("HUGEINT", new BigInteger(-1)));
        Assert.Equal(Int128.MaxValue, ReadAs<Int128>("SELECT '170141183460469231731687303715884105727'::HUGEINT"));
    }

    [Theory]
    [InlineData("DECIMAL(4,1)", "-999.9")]
    [InlineData("DECIMAL(9,4)", "12345.6789")]
    [InlineData("DECIMAL(18,6)", "-999999999999.999999")]
    [InlineData("DECIMAL(28,10)", "123456789012345678.0123456789")]
    [InlineData("DECIMAL(38,10)", "-1234567890123456789.0123456789")]
    [InlineData("DECIMAL(14,2)", "0.01")]
    public void Decimals_keep_full_precision(string type, string literal)
    {
        var expected = decimal.Parse(literal, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, Scalar($"SELECT '{literal}'::{type}"));
        Assert.Equal(expected, Echo(type, expected));
    }

    [Fact]
    public void Decimal_too_large_for_system_decimal_says_so()
    {
        using var command = new DuckDbCommand("SELECT '12345678901234567890123456789012.345'::DECIMAL(38,3)", _connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        var error = Assert.Throws<OverflowException>(() => reader.GetDecimal(0));
        Assert.Contains("does not fit", error.Message);
    }

    [Fact]
    public void Blobs_round_trip_including_empty_and_zero_bytes()
    {
        var bytes = new byte[] { 0, 1, 2, 255, 0, 128 };
        Assert.Equal(bytes, Echo("BLOB", bytes));
        Assert.Equal(Array.Empty<byte>(), Echo("BLOB", Array.Empty<byte>()));
        var large = new byte[1024 * 1024];
        new Random(7).NextBytes(large);
        Assert.Equal(large, Echo("BLOB", large));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1969-12-31")]
    [InlineData("1970-01-01")]
    [InlineData("2024-02-29")]
    [InlineData("9999-12-31")]
    public void Dates_round_trip_to_the_extremes(string literal)
    {
        var date = DateOnly.ParseExact(literal, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(date.ToDateTime(TimeOnly.MinValue), Scalar($"SELECT DATE '{literal}'"));
        Assert.Equal(date.ToDateTime(TimeOnly.MinValue), Echo("DATE", date));
        Assert.Equal(date, ReadAs<DateOnly>($"SELECT DATE '{literal}'"));
    }

    [Fact]
    public void Infinite_dates_and_timestamps_map_to_the_clr_extremes()
    {
        Assert.Equal(DateTime.MaxValue.Date, Scalar("SELECT 'infinity'::DATE"));
        Assert.Equal(DateTime.MinValue, Scalar("SELECT '-infinity'::DATE"));
        Assert.Equal(DateTime.MaxValue, Scalar("SELECT 'infinity'::TIMESTAMP"));
    }

    [Fact]
    public void Dates_beyond_year_9999_fail_clearly()
    {
        using var command = new DuckDbCommand("SELECT DATE '20000-01-01'", _connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        var error = Assert.Throws<OverflowException>(() => reader.GetValue(0));
        Assert.Contains("9999", error.Message);
    }

    [Theory]
    [InlineData("0001-01-01 00:00:00")]
    [InlineData("1900-03-01 12:34:56.123456")]
    [InlineData("1970-01-01 00:00:00")]
    [InlineData("2026-03-08 07:00:00.000001")]
    [InlineData("9999-12-31 23:59:59.999999")]
    public void Timestamps_round_trip_to_the_microsecond(string literal)
    {
        var value = DateTime.Parse(literal, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(value, Scalar($"SELECT TIMESTAMP '{literal}'"));
        Assert.Equal(value, Echo("TIMESTAMP", value));
    }

    [Fact]
    public void Timestamps_with_time_zone_come_back_as_utc_offsets()
    {
        var instant = new DateTimeOffset(2026, 11, 1, 1, 30, 0, TimeSpan.FromHours(-4));
        var result = (DateTimeOffset)Echo("TIMESTAMPTZ", instant);
        Assert.Equal(instant, result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 5, 30, 0, TimeSpan.Zero), Scalar("SELECT TIMESTAMPTZ '2026-11-01 01:30:00-04:00'"));
    }

    [Fact]
    public void Timestamp_precisions_other_than_microseconds_are_read()
    {
        var expected = new DateTime(2026, 1, 2, 3, 4, 5);
        Assert.Equal(expected, Scalar("SELECT '2026-01-02 03:04:05'::TIMESTAMP_S"));
        Assert.Equal(expected.AddMilliseconds(678), Scalar("SELECT '2026-01-02 03:04:05.678'::TIMESTAMP_MS"));
        Assert.Equal(expected.AddTicks(1234567), Scalar("SELECT '2026-01-02 03:04:05.1234567'::TIMESTAMP_NS"));
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("09:00:00")]
    [InlineData("23:59:59.999999")]
    public void Times_round_trip(string literal)
    {
        var time = TimeOnly.Parse(literal, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(time.ToTimeSpan(), Scalar($"SELECT TIME '{literal}'"));
        Assert.Equal(time.ToTimeSpan(), Echo("TIME", time));
        Assert.Equal(time, ReadAs<TimeOnly>($"SELECT TIME '{literal}'"));
    }

    [Fact]
    public void Intervals_round_trip_including_negative_and_months()
    {
        Assert.Equal(new DuckDbInterval(14, 3, 3_600_000_000), Scalar("SELECT INTERVAL '1 year 2 months 3 days 1 hour'"));
        Assert.Equal(new DuckDbInterval(0, -2, -90_000_000), Scalar("SELECT -(INTERVAL '2 days 90 seconds')"));
        var negative = new DuckDbInterval(-1, -15, -1);
        Assert.Equal(negative, Echo("INTERVAL", negative));
        Assert.Equal(TimeSpan.FromMinutes(-95), ((DuckDbInterval)Echo("INTERVAL", TimeSpan.FromMinutes(-95))).ToTimeSpan());
    }

    [Fact]
    public void Uuids_round_trip_and_match_their_text()
    {
        var text = "7d9f1c2e-8b4a-4c3d-9e2f-0123456789ab";
        Assert.Equal(Guid.Parse(text), Scalar($"SELECT '{text}'::UUID"));
        var low = Guid.Parse("00000000-0000-0000-0000-000000000001");
        var high = Guid.Parse("ffffffff-ffff-ffff-ffff-fffffffffffe");
        Assert.Equal(low, Echo("UUID", low));
        Assert.Equal(high, Echo("UUID", high));
        Assert.Equal(text, Scalar($"SELECT '{text}'::UUID::VARCHAR"));
        using var command = new DuckDbCommand("SELECT $v::VARCHAR", _connection);
        command.Parameters.Add("v", Guid.Parse(text));
        Assert.Equal(text, command.ExecuteScalar());
    }

    [Fact]
    public void Lists_of_varchar_and_integer_round_trip_with_nulls_inside()
    {
        var strings = Assert.IsType<List<string?>>(Scalar("SELECT ['sla', NULL, 'csat', '']"));
        Assert.Equal(new string?[] { "sla", null, "csat", "" }, strings);
        var ints = Assert.IsType<List<int?>>(Scalar("SELECT [1, NULL, -3]::INTEGER[]"));
        Assert.Equal(new int?[] { 1, null, -3 }, ints);
        Assert.Equal(new List<string?> { "a", "b" }, Echo("VARCHAR[]", new[] { "a", "b" }));
        Assert.Equal(new List<int?> { 5, 6 }, Echo("INTEGER[]", new List<int> { 5, 6 }));
        Assert.Empty(Assert.IsType<List<int?>>(Scalar("SELECT []::INTEGER[]")));
    }

    [Fact]
    public void Lists_across_many_rows_read_their_own_slice()
    {
        using var command = new DuckDbCommand("SELECT i, list_transform(range(i % 5), x -> x::VARCHAR) FROM range(5000) t(i) ORDER BY i", _connection);
        using var reader = command.ExecuteReader();
        var rows = 0;
        while (reader.Read())
        {
            var i = reader.GetInt64(0);
            var list = reader.GetFieldValue<List<string?>>(1);
            Assert.Equal(Enumerable.Range(0, (int)(i % 5)).Select(x => (string?)x.ToString(System.Globalization.CultureInfo.InvariantCulture)), list);
            rows++;
        }
        Assert.Equal(5000, rows);
    }

    [Fact]
    public void Enums_read_as_their_labels()
    {
        _connection.ExecuteNonQuery("CREATE TYPE band AS ENUM ('green', 'amber', 'red')");
        Assert.Equal("amber", Scalar("SELECT 'amber'::band"));
    }

    [Fact]
    public void Nulls_of_every_type_read_as_dbnull_and_as_nullable()
    {
        var types = new[] { "BOOLEAN", "TINYINT", "INTEGER", "BIGINT", "HUGEINT", "DOUBLE", "DECIMAL(18,2)", "VARCHAR", "BLOB", "DATE", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "INTERVAL", "UUID", "VARCHAR[]" };
        foreach (var type in types)
        {
            using var command = new DuckDbCommand($"SELECT NULL::{type}, $p::{type}", _connection);
            command.Parameters.Add("p", DBNull.Value);
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.True(reader.IsDBNull(0), type);
            Assert.True(reader.IsDBNull(1), type);
            Assert.Equal(DBNull.Value, reader.GetValue(0));
            Assert.Null(reader.GetFieldValue<int?>(0));
            Assert.Null(reader.GetFieldValue<string>(0));
            Assert.Throws<InvalidCastException>(() => reader.GetInt32(0));
        }
    }

    [Fact]
    public void Untyped_null_reads_as_dbnull()
    {
        Assert.Equal(DBNull.Value, Scalar("SELECT NULL"));
    }

    [Fact]
    public void Field_types_and_names_describe_the_columns()
    {
        using var command = new DuckDbCommand(
            "SELECT 1::INTEGER AS i, 'x' AS s, 1.5::DECIMAL(4,2) AS d, DATE '2026-01-01' AS day, now() AS ts, INTERVAL 1 DAY AS iv, ['a'] AS l", _connection);
        using var reader = command.ExecuteReader();
        Assert.Equal(7, reader.FieldCount);
        Assert.Equal(["i", "s", "d", "day", "ts", "iv", "l"], Enumerable.Range(0, 7).Select(reader.GetName));
        Assert.Equal(
            [typeof(int), typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(DuckDbInterval), typeof(List<string?>)],
            Enumerable.Range(0, 7).Select(reader.GetFieldType));
        Assert.Equal("DECIMAL", reader.GetDataTypeName(2));
        Assert.Equal(3, reader.GetOrdinal("DAY"));
    }

    [Fact]
    public void Typed_getters_widen_integers_and_refuse_narrowing_overflow()
    {
        using var command = new DuckDbCommand("SELECT 7::TINYINT, 3000000000::BIGINT, 2.5::DOUBLE", _connection);
        using var reader = command.ExecuteReader();
        reader.Read();
        Assert.Equal(7L, reader.GetInt64(0));
        Assert.Equal(7, reader.GetInt32(0));
        Assert.Equal(7d, reader.GetDouble(0));
        Assert.Throws<OverflowException>(() => reader.GetInt32(1));
        Assert.Equal(2.5m, reader.GetDecimal(2));
    }

    private T ReadAs<T>(string sql)
    {
        using var command = new DuckDbCommand(sql, _connection);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read());
        return reader.GetFieldValue<T>(0);
    }
}
