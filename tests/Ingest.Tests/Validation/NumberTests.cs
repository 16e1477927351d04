namespace SupportLens.Ingest.Tests.Validation;

/// <summary>
/// Numbers as spreadsheets in different locales write them: a decimal comma (<c>4,5</c>), thousands grouped with
/// commas or dots, percentages with their sign. What one reading can tell is read; what two readings could mean is
/// refused, naming both.
/// </summary>
public sealed class NumberTests
{
    [Fact]
    public void Money_with_a_decimal_comma_or_grouped_thousands_is_read_and_an_ambiguous_one_is_refused()
    {
        using var f = new IngestFixture();
        var csv = """
            client_id;name;tier;mrr
            M1;A;starter;4,5
            M2;B;starter;1.234,50
            M3;C;starter;"1,234.50"
            M4;D;starter;1 234,50
            M5;E;starter;1,234
            M6;F;starter;1.234
            M7;G;starter;4.5
            M8;H;starter;12.345.678,9
            M9;I;starter;1,2,3
            """;
        var report = f.Ingest(IngestKind.Clients, f.Write("c.csv", csv));
        Assert.Equal((7L, 2L), (report.RowsLoaded, report.RowsRejected));
        var mrr = new Dictionary<string, decimal>();
        foreach (var id in new[] { "M1", "M2", "M3", "M4", "M6", "M7", "M8" })
        {
            mrr[id] = (decimal)f.Scalar($"SELECT mrr FROM clients WHERE client_id = '{id}'")!;
        }
        Assert.Equal([4.5m, 1234.5m, 1234.5m, 1234.5m, 1.23m, 4.5m, 12345678.9m], mrr.Values);
        Assert.Equal([(6L, "1,234"), (10L, "1,2,3")], report.Errors.Select(e => (e.Line, e.Value!)));
        Assert.Equal("mrr '1,234' is ambiguous: 1234 with a thousands separator, or 1.234 with a decimal comma; " +
                     "write it without the separator (1234 or 1.234)", report.Errors[0].Reason);
        Assert.Equal("mrr must be a number (with . or , as the decimal point)", report.Errors[1].Reason);
    }

    [Fact]
    public void Counts_never_read_a_thousands_dot_as_a_decimal_point()
    {
        using var f = new IngestFixture();
        var csv = """
            interval_start,interval_minutes,channel,queue,offered,handled,abandoned,avg_handle_seconds,service_level_pct
            2026-11-02T09:00:00Z,30,phone,Q,1.000,900,10,"245,5",85.7 %
            2026-11-02T09:30:00Z,30,phone,Q,12,10,2,245.5,"85,7%"
            2026-11-02T10:00:00Z,30,phone,Q,"1,200",1100,2,245.5,90
            2026-11-02T10:30:00Z,30,phone,Q,12.0,10,2,245.5,90
            """;
        var report = f.Ingest(IngestKind.Volume, f.Write("v.csv", csv));
        Assert.Equal((3L, 1L), (report.RowsLoaded, report.RowsRejected));
        var error = Assert.Single(report.Errors);
        Assert.Equal((2L, "offered", "1.000"), (error.Line, error.Column, error.Value));
        Assert.Equal("offered '1.000' is ambiguous: 1000 with a thousands separator, or 1 with a decimal point; write it without the separator (1000 or 1)", error.Reason);
        Assert.Equal(85.7, f.Scalar("SELECT service_level_pct FROM volume_intervals WHERE interval_start = '2026-11-02T09:30:00Z'"));
        Assert.Equal(1200L, Convert.ToInt64(f.Scalar("SELECT offered FROM volume_intervals WHERE interval_start = '2026-11-02T10:00:00Z'"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(12L, Convert.ToInt64(f.Scalar("SELECT offered FROM volume_intervals WHERE interval_start = '2026-11-02T10:30:00Z'"), System.Globalization.CultureInfo.InvariantCulture));
    }
}
