using System.Globalization;
using SupportLens.Analytics.Metrics;

namespace SupportLens.Reports.Tests.Documents;

/// <summary>The quality reports of an ISO week, as the weekly job writes them: the week's metrics and twelve weeks of trend.</summary>
[Collection(SampleHistoryCollection.Name)]
public sealed class WeeklyReportTests(SampleHistory sample)
{
    /// <summary>ISO week 40 of 2026: Monday 28 September to Sunday 4 October.</summary>
    private const string Week = "2026-W40";

    [Fact]
    public void A_weeks_csat_is_the_metrics_of_its_seven_days()
    {
        var report = new ReadBack(sample.Rendered(ReportKind.Csat, Week));
        var period = ReportingPeriod.Between("2026-09-28", "2026-10-04", sample.Period(SampleHistory.LastMonth).Zone);
        var all = sample.Metrics.Compute(period, MetricsGrouping.All).Groups.Single();

        report.Row("week 2026-W40 (2026-09-28 to 2026-10-04)", "times in America/New_York");
        report.Tile("CSAT", all.Targets.Single(t => t.Metric == "csat_pct").Shown() + " %");
        report.Tile("Answers", all.Csat.Total.ToString("N0", CultureInfo.InvariantCulture));
        Assert.Contains("The last twelve weeks", report.Text);
        Assert.Contains("Week by week", report.Text);
        // The twelve weeks end with W40 and begin with W29; each row is that week's `metrics --from --to`.
        var w29 = sample.Metrics.Compute(ReportingPeriod.Between("2026-07-13", "2026-07-19", period.Zone), MetricsGrouping.All).Groups.Single();
        report.Row("2026-W29", w29.Csat.Total.ToString("N0", CultureInfo.InvariantCulture), w29.Targets.Single(t => t.Metric == "csat_pct").Shown() + " %");
        Assert.Equal(Path.Combine(sample.ReportsDirectory, Week, "csat.pdf"), sample.Rendered(ReportKind.Csat, Week).Path);
    }

    [Theory]
    [InlineData(ReportKind.Nps)]
    [InlineData(ReportKind.Fcr)]
    [InlineData(ReportKind.Sla)]
    public void Every_quality_report_comes_weekly(ReportKind kind)
    {
        var report = new ReadBack(sample.Rendered(kind, Week));

        Assert.Contains("week 2026-W40 (2026-09-28 to 2026-10-04)", report.Flat);
        Assert.Contains("The last twelve weeks", report.Text);
        Assert.DoesNotContain("twelve months", report.Text);
    }

    [Theory]
    [InlineData(ReportKind.Executive)]
    [InlineData(ReportKind.ClientHealth)]
    [InlineData(ReportKind.Capacity)]
    public void The_monthly_reports_refuse_a_week(ReportKind kind)
    {
        var error = Assert.Throws<ArgumentException>(() => sample.Renderer.Render(kind, Week));
        Assert.Contains("covers a month", error.Message);
    }

    [Theory]
    [InlineData("2026-W54")]
    [InlineData("2026-13")]
    [InlineData("October")]
    public void Periods_are_months_or_iso_weeks(string period)
    {
        Assert.Throws<FormatException>(() => sample.Renderer.Render(ReportKind.Csat, period));
    }
}
