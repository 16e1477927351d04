using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Forecasting;

namespace SupportLens.Reports.Tests.Documents;

/// <summary>
/// What the reports show of forecasts, spikes and capacity is what `supportlens forecast` and `capacity` read from the
/// stored tables.
/// </summary>
[Collection(SampleHistoryCollection.Name)]
public sealed class PlanningReportTests(SampleHistory sample)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static string Day(LocalDate day) => day.ToString("uuuu-MM-dd", Invariant);

    [Fact]
    public void Executive_forecast_is_the_stored_runs_total_for_november()
    {
        var report = new ReadBack(sample.Rendered(ReportKind.Executive));
        var run = sample.Forecasts.Latest(SeriesFrequency.Daily, VolumeHistoryReader.TotalKey)!;
        var november = run.Series.Single().Points.Where(p => p.Date.Year == 2026 && p.Date.Month == 11).ToList();

        Assert.Equal(30, november.Count);
        Assert.Contains($"The forecast of November 2026 (30 days, model {run.Series.Single().Model}, made from data through {Day(run.HistoryThrough)}) " +
                        $"adds up to {Math.Round(november.Sum(p => p.Value)).ToString("N0", Invariant)} contacts", report.Flat);
        Assert.Contains("Contacts per day, October 2026, and the forecast of November 2026", report.Flat);
    }

    [Fact]
    public void Capacity_weeks_are_the_capacity_plan()
    {
        var report = new ReadBack(sample.Rendered(ReportKind.Capacity));
        var plan = sample.Capacity.Plan(8)!;

        Assert.Contains($"from forecast run {plan.ForecastRunId} (made from data through {Day(plan.HistoryThrough)})", report.Flat);
        foreach (var week in plan.Weeks)
        {
            report.Row(Day(week.WeekStart), week.Shift, week.RequiredAgents.ToString("F1", Invariant), week.ScheduledAgents.ToString("F1", Invariant),
                week.RosteredAgents.ToString(Invariant), week.Gap.ToString("+0.0;-0.0;0.0", Invariant).Replace('-', '−'));
        }

        foreach (var channel in plan.Channels)
        {
            report.Row(channel.Channel == "api" ? "API" : char.ToUpperInvariant(channel.Channel[0]) + channel.Channel[1..], channel.Live ? "live" : "deferred",
                channel.ContactsPerWeek.ToString("N0", Invariant));
        }
    }

    [Fact]
    public void Capacity_of_a_month_the_stored_forecast_was_not_made_from_says_so()
    {
        var report = new ReadBack(sample.Rendered(ReportKind.Capacity, "2026-06"));

        Assert.Contains("No capacity plan rests on the data of June 2026", report.Flat);
        Assert.Contains("The report of October 2026 shows it.", report.Flat);
        Assert.DoesNotContain("Week by week", report.Text);
    }

    [Fact]
    public void Spikes_of_the_month_are_the_stored_ones()
    {
        var report = new ReadBack(sample.Rendered(ReportKind.Executive));
        var spikes = sample.Sources.Spikes.Read(new LocalDate(2026, 10, 1), new LocalDate(2026, 10, 31));

        if (spikes.Count == 0)
        {
            Assert.Contains("No client had an unusual day in October 2026.", report.Flat);
            return;
        }

        Assert.Contains($"{spikes.Count} unusual client-day", report.Flat);
        var strongest = spikes.MaxBy(s => Math.Abs(s.Spike.Score))!;
        report.Row(Day(strongest.Spike.Date), strongest.ClientId, strongest.Spike.Volume.ToString("N0", Invariant), strongest.Spike.Score.ToString("F1", Invariant));
    }
}
