using SupportLens.Reports.Charts;

namespace SupportLens.Reports.Tests.Charts;

public sealed class LineChartTests
{
    private static readonly ReportingZone Zone = ReportingZone.NewYork;

    private static LineChart Volume(TargetLine? target = null)
    {
        var days = Enumerable.Range(0, 5).Select(i => Zone.StartOfDay(new DateOnly(2026, 11, 27).AddDays(i))).ToList();
        var forecastDays = Enumerable.Range(0, 3).Select(i => Zone.StartOfDay(new DateOnly(2026, 12, 2).AddDays(i))).ToList();
        return new LineChart(new LineChartData(
            "Tickets per day",
            "Tickets",
            ValueFormat.Count,
            Zone,
            [new TimeSeries("Tickets", [new(days[0], 410), new(days[1], 395), new(days[2], null), new(days[3], 230), new(days[4], 450)])],
            new TimeSeries("Forecast", forecastDays.Select(d => new TimeValue(d, 460)).ToList()),
            [new ForecastBand("80 % interval", 0.8, forecastDays.Select(d => new BandValue(d, 430, 490)).ToList())],
            target));
    }

    [Fact]
    public void Values_list_every_point_with_dates_in_the_reporting_zone()
    {
        var values = Volume().Values;

        // 5 actual days (one not measured), 3 forecast days, 3 interval rows.
        Assert.Equal(11, values.Count);
        Assert.Equal(new ChartValue("Tickets", "2026-11-27", 410, "410"), values[0]);
        Assert.Equal(new ChartValue("Tickets", "2026-11-29", null, "–"), values[2]);
        Assert.Equal("Forecast", values[5].Series);
        Assert.Equal("460 (80 % interval: 430 – 490)", values[5].Display);
        Assert.Equal((430d, 490d), (values[8].Low!.Value, values[8].High!.Value));
    }

    [Fact]
    public void An_instant_is_labelled_by_the_local_date_not_the_utc_one()
    {
        // 2026-11-01 03:00 UTC is 2026-10-31 23:00 in New York.
        var chart = new LineChart(new LineChartData("Late tickets", "Tickets", ValueFormat.Count, Zone,
            [new TimeSeries("Tickets", [new(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.Zero), 7)])]));

        Assert.Equal("2026-10-31T23:00", chart.Values.Single().Label);
    }

    [Fact]
    public void Csv_has_interval_columns_only_because_a_band_is_there()
    {
        var lines = Volume().ToCsv().Split("\r\n");

        Assert.Equal("series,label,value,low,high", lines[0]);
        Assert.Equal("Tickets,2026-11-27,410,,", lines[1]);
        Assert.Equal("Tickets,2026-11-29,,,", lines[3]);
        Assert.Equal("80 % interval,2026-12-02,,430,490", lines[9]);
        Assert.Equal("", lines[^1]);
        Assert.Equal(13, lines.Length);
    }

    [Fact]
    public void Svg_has_a_hover_title_for_every_measured_point_and_scales_to_its_size()
    {
        var svg = SvgReader.Parse(Volume(new TargetLine(500, "Capacity 500")).ToSvg(800, 320));

        Assert.Equal("800", (string?)svg.Attribute("width"));
        Assert.Equal("320", (string?)svg.Attribute("height"));
        Assert.Equal("0 0 500 200", (string?)svg.Attribute("viewBox"));
        Assert.Equal("Tickets per day", svg.Element(SvgReader.Svg + "title")!.Value);
        var targets = SvgReader.ValueTargets(svg);
        // 4 measured actual days + 3 forecast days; the unmeasured day has no point to hover.
        Assert.Equal(7, targets.Count);
        Assert.Equal("Tickets · 2026-11-27: 410", SvgReader.Title(targets[0]));
        Assert.Equal("410", (string?)targets[0].Attribute("data-value"));
        Assert.All(targets, t =>
        {
            Assert.InRange(SvgReader.Number(t, "cx"), 0, 500);
            Assert.InRange(SvgReader.Number(t, "cy"), 0, 200);
        });
        // Later dates sit further right.
        Assert.True(SvgReader.Number(targets[1], "cx") > SvgReader.Number(targets[0], "cx"));
        Assert.Contains("Capacity 500", svg.ToString());
    }
}
