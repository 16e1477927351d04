using NodaTime;
using SupportLens.Analytics.Metrics;
using SupportLens.Reports;
using SupportLens.Reports.Charts;

namespace SupportLens.Web.Dashboard.Charts;

/// <summary>
/// The charts of the dashboards: the Reports project's ScottPlot figures (the ones the PDFs draw), shown as inline SVG
/// with a hover title per value and offered as CSV. Each chart has a name the page's CSV link asks for.
/// </summary>
internal static class DashboardCharts
{
    /// <summary>Months a trend shows, ending with the view's last month.</summary>
    internal const int TrendMonths = 12;

    internal const string QualityTrend = "quality-trend";

    internal const string SlaTrend = "sla-trend";

    internal static IReadOnlyList<string> Names { get; } = [QualityTrend, SlaTrend];

    /// <summary>The chart of that name for the view, or null for an unknown name.</summary>
    internal static Figure? Build(string name, DashboardView view, DashboardData data)
    {
        if (!Names.Contains(name))
        {
            return null;
        }
        var months = Trend(view, data);
        var zone = ReportingZone.Of(data.Zone.Id);
        TimeSeries Series(string series, Func<QualityMetrics, double?> pick) =>
            new(series, [.. months.Select(m => new TimeValue(m.Start, pick(m.Metrics)))]);
        return name == QualityTrend
            ? new LineChart(new LineChartData("CSAT and FCR by month", "Percent", ValueFormat.Percent, zone,
                [Series("CSAT", m => m.Csat.Percent), Series("FCR", m => m.FirstContactResolution.Percent)]))
            : new LineChart(new LineChartData("SLA compliance by month", "Percent", ValueFormat.Percent, zone,
                [Series("First response", m => m.SlaFirstResponse.Percent), Series("Resolution", m => m.SlaResolution.Percent)],
                Target: new TargetLine(data.SlaTargetPct, $"target {data.SlaTargetPct:0.#} %")));
    }

    /// <summary>The <see cref="TrendMonths"/> whole months up to the view's last one: what a trend reads, by month.</summary>
    internal static ReportingPeriod TrendPeriod(DashboardView view)
    {
        var last = new LocalDate(view.Period.To.Year, view.Period.To.Month, 1);
        return new ReportingPeriod(last.PlusMonths(-(TrendMonths - 1)), last.PlusMonths(1).PlusDays(-1), view.Period.Zone);
    }

    /// <summary>The view's filter over the <see cref="TrendMonths"/> months up to its last one, one group per month (empty months too).</summary>
    private static List<(DateTimeOffset Start, QualityMetrics Metrics)> Trend(DashboardView view, DashboardData data)
    {
        var period = TrendPeriod(view);
        var first = period.From;
        var report = data.Metrics(period, MetricsGrouping.Month, view.Filter, view.AsOf);
        var byMonth = report.Groups.ToDictionary(g => g.Key, StringComparer.Ordinal);
        return [.. Enumerable.Range(0, TrendMonths).Select(i =>
        {
            var month = first.PlusMonths(i);
            var key = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
            var empty = new QualityMetrics(key, 0, 0, new Backlog(0, null, null), new Proportion(0, 0), new NetPromoterScore(0, 0, 0),
                new Proportion(0, 0), new Proportion(0, 0), new Proportion(0, 0), new Percentiles(null, null), new Percentiles(null, null),
                new SlaCompliance(0, 0, 0), new SlaCompliance(0, 0, 0), new Percentiles(null, null), new Percentiles(null, null), []);
            return (month.AtStartOfDayInZone(view.Period.Zone).ToDateTimeOffset(), byMonth.GetValueOrDefault(key) ?? empty);
        })];
    }
}
