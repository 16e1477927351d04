using SupportLens.Reports.Charts;

namespace SupportLens.Reports.Tests.Charts;

public sealed class BulletChartTests
{
    private static readonly BulletChart Sla = new(new BulletChartData(
        "SLA by tier",
        ValueFormat.Percent,
        [new BulletItem("Starter", 97.9, 95, [85, 95]), new BulletItem("Enterprise", null, 95, [85, 95])],
        80,
        100));

    [Fact]
    public void A_tier_without_data_is_listed_as_not_measured_with_its_target()
    {
        Assert.Equal(
            [new ChartValue("SLA by tier", "Starter", 97.9, "97.9 %", Target: 95), new ChartValue("SLA by tier", "Enterprise", null, "–", Target: 95)],
            Sla.Values);
        Assert.Equal("series,label,value,target\r\nSLA by tier,Starter,97.9,95\r\nSLA by tier,Enterprise,,95\r\n", Sla.ToCsv());
    }

    [Fact]
    public void Svg_rows_hover_with_their_value_and_the_measured_bar_is_to_scale()
    {
        var svg = Sla.ToSvg(640, 200);
        var targets = SvgReader.ValueTargets(SvgReader.Parse(svg));

        Assert.Equal(["SLA by tier · Starter: 97.9 %", "SLA by tier · Enterprise: –"], targets.Select(SvgReader.Title));
        Assert.Contains("not measured", svg);
    }

    [Fact]
    public void A_scale_without_width_is_refused()
    {
        var chart = new BulletChart(new BulletChartData("Broken", ValueFormat.Percent, [new BulletItem("A", 1, 1)], 100, 100));

        Assert.Throws<ArgumentException>(() => chart.ToSvg(300, 100));
    }
}

public sealed class HeatmapChartTests
{
    [Fact]
    public void Every_hour_of_every_weekday_is_a_value_and_missing_cells_are_not_zero()
    {
        var chart = new HeatmapChart(new HeatmapChartData("Arrivals", "Tickets", ValueFormat.Count, ReportingZone.NewYork,
            [new HeatCell(DayOfWeek.Monday, 9, 40), new HeatCell(DayOfWeek.Sunday, 23, 2), new HeatCell(DayOfWeek.Monday, 9, 41)]));

        var values = chart.Values;

        Assert.Equal(7 * 24, values.Count);
        Assert.Equal(new ChartValue("Tickets", "Mon 00:00", null, "–"), values[0]);
        Assert.Equal(41, values.Single(v => v.Label == "Mon 09:00").Value);
        Assert.Equal(2, values[^1].Value);
        Assert.Equal("Sun 23:00", values[^1].Label);
        Assert.Equal(7 * 24, SvgReader.ValueTargets(SvgReader.Parse(chart.ToSvg(720, 260))).Count);
    }

    [Fact]
    public void An_hour_outside_the_day_is_refused()
    {
        var chart = new HeatmapChart(new HeatmapChartData("Arrivals", "Tickets", ValueFormat.Count, ReportingZone.NewYork, [new HeatCell(DayOfWeek.Monday, 24, 1)]));

        var error = Assert.Throws<ArgumentException>(() => chart.Values);
        Assert.Contains("hour 24", error.Message);
    }
}

public sealed class SparklineTests
{
    [Fact]
    public void Each_measured_point_hovers_and_gaps_stay_gaps()
    {
        var chart = new Sparkline(new SparklineData("CSAT", [new("Jul", 94), new("Aug", null), new("Sep", 95.5), new("Oct", 96)], ValueFormat.Percent, new TargetLine(95, "Target")));

        var targets = SvgReader.ValueTargets(SvgReader.Parse(chart.ToSvg(160, 40)));

        Assert.Equal(["CSAT · Jul: 94.0 %", "CSAT · Sep: 95.5 %", "CSAT · Oct: 96.0 %"], targets.Select(SvgReader.Title));
        Assert.Equal("series,label,value,target\r\nCSAT,Jul,94,95\r\nCSAT,Aug,,95\r\nCSAT,Sep,95.5,95\r\nCSAT,Oct,96,95\r\n", chart.ToCsv());
    }
}
