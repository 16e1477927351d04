using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Web.Jobs;
using SupportLens.Web.Jobs.Scheduling;

namespace SupportLens.Web.Tests.Jobs.Scheduling;

public class JobPeriodTests
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly JobCatalog Catalog = new(SupportLensSettings.Default);

    [Theory]
    [InlineData("2026-11-23", "2026-W48", "2026-11-23", "2026-11-29")]
    [InlineData("2026-11-29", "2026-W48", "2026-11-23", "2026-11-29")]
    [InlineData("2026-01-01", "2026-W01", "2025-12-29", "2026-01-04")]   // ISO week 1 holds the year's first Thursday
    [InlineData("2020-12-31", "2020-W53", "2020-12-28", "2021-01-03")]
    [InlineData("2027-01-03", "2026-W53", "2026-12-28", "2027-01-03")]   // a Sunday in January still closes the old week-year
    public void Weeks_are_iso_weeks_monday_to_sunday(string day, string key, string from, string to)
    {
        var week = JobPeriod.Week(Date(day), NewYork);
        Assert.Equal((key, from, to), (week.Key, week.Range!.FromText, week.Range.ToText));
        Assert.Equal(week, JobPeriod.Parse(key, NewYork));
    }

    [Fact]
    public void Months_cover_their_days_and_parse_back()
    {
        var month = JobPeriod.Month(Date("2026-02-14"), NewYork);
        Assert.Equal(("2026-02", "2026-02-01", "2026-02-28", "February 2026"), (month.Key, month.Range!.FromText, month.Range.ToText, month.Label));
        Assert.Equal(month, JobPeriod.Parse("2026-02", NewYork));
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-W54")]
    [InlineData("2026-W00")]
    [InlineData("2020-W54")]
    [InlineData("last month")]
    public void Bad_period_keys_are_refused(string key) => Assert.Throws<FormatException>(() => JobPeriod.Parse(key, NewYork));

    [Theory]
    // 06:00 in New York on the 1st: November has ended there, so it is November's pack.
    [InlineData("2026-12-01T11:00:00Z", "2026-11")]
    // 00:30 UTC on the 1st is still 30 November in New York: the last complete month there is October.
    [InlineData("2026-12-01T00:30:00Z", "2026-10")]
    [InlineData("2027-01-01T11:00:00Z", "2026-12")]
    public void A_monthly_occurrence_stands_for_the_last_month_complete_in_the_reporting_zone(string occurrence, string month) =>
        Assert.Equal(month, Catalog.PeriodOf(Catalog[JobKind.MonthlyReports], DateTimeOffset.Parse(occurrence)).Key);

    [Theory]
    [InlineData("2026-11-30T11:00:00Z", "2026-W48")]   // Monday 06:00 in New York: the week of 23-29 November
    [InlineData("2026-11-30T04:00:00Z", "2026-W47")]   // still Sunday 29th 23:00 in New York: that week has not ended
    public void A_weekly_occurrence_stands_for_the_last_week_complete_in_the_reporting_zone(string occurrence, string week) =>
        Assert.Equal(week, Catalog.PeriodOf(Catalog[JobKind.WeeklyQuality], DateTimeOffset.Parse(occurrence)).Key);

    [Fact]
    public void Each_refresh_occurrence_is_its_own_period_in_the_jobs_time_zone() =>
        Assert.Equal("2026-11-30T02:00", Catalog.PeriodOf(Catalog[JobKind.Refresh], DateTimeOffset.Parse("2026-11-30T07:00:00Z")).Key);

    [Fact]
    public void Cron_occurrences_follow_the_time_zone_across_daylight_saving()
    {
        var refresh = Catalog[JobKind.Refresh].Schedule;
        var nights = refresh.Between(DateTimeOffset.Parse("2026-10-31T00:00:00Z"), DateTimeOffset.Parse("2026-11-03T00:00:00Z")).ToList();
        // 02:00 New York is 06:00 UTC in EDT and 07:00 UTC after the change on 1 November.
        Assert.Equal(["2026-10-31T06:00:00Z", "2026-11-01T07:00:00Z", "2026-11-02T07:00:00Z"], nights.Select(n => n.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ")));
    }

    private static LocalDate Date(string text) => NodaTime.Text.LocalDatePattern.Iso.Parse(text).Value;
}
