using NodaTime;
using SupportLens.SampleData.Demand;
using SupportLens.SampleData.Tickets;

namespace SupportLens.SampleData.Readme;

/// <summary>
/// What the daily ticket series (created per day in the reporting zone) holds for a forecaster: its weekly pattern, its
/// dips on US holidays, the level shift after a launch that lasts, and its day-to-day noise.
/// </summary>
internal sealed record DailySeries(
    IReadOnlyList<double> MeanByWeekday,
    int Holidays,
    double HolidayMean,
    double HolidayNeighbourMean,
    ProductLaunch? Shift,
    double LevelBefore,
    double LevelAfter,
    double Noise)
{
    internal static DailySeries Of(IReadOnlyList<SampleTicket> tickets, DemandModel demand, HistoryWindow window)
    {
        var zone = SupportPlan.ReportingZone;
        var counts = new Dictionary<LocalDate, int>();
        for (var d = window.FirstDay; d < window.EndDay; d = d.PlusDays(1))
        {
            counts[d] = 0;
        }
        foreach (var t in tickets)
        {
            counts[t.Created.InZone(zone).Date]++;
        }
        bool Workday(LocalDate d) => d.DayOfWeek < IsoDayOfWeek.Saturday && !SupportPlan.UsHolidays.IsHoliday(d);
        double Mean(IEnumerable<LocalDate> days) => days.Where(counts.ContainsKey).Select(d => (double)counts[d]).DefaultIfEmpty(0).Average();

        var byWeekday = Enumerable.Range(1, 7).Select(w => Mean(counts.Keys.Where(d => (int)d.DayOfWeek == w && !SupportPlan.UsHolidays.IsHoliday(d)))).ToList();

        // Each weekday holiday against the same weekday a week before and after.
        var holidays = counts.Keys.Where(d => d.DayOfWeek < IsoDayOfWeek.Saturday && SupportPlan.UsHolidays.IsHoliday(d)
            && counts.ContainsKey(d.PlusDays(-7)) && counts.ContainsKey(d.PlusDays(7))).ToList();
        var neighbours = holidays.SelectMany(d => new[] { d.PlusDays(-7), d.PlusDays(7) });

        // The level on working days in the eight weeks before the launch and in weeks 4 to 11 after it, once its surge is over.
        var shift = demand.Launches.FirstOrDefault(l => l.LastingLift > 0);
        double before = 0, after = 0;
        if (shift is not null)
        {
            before = Mean(Days(shift.Day.PlusWeeks(-8), shift.Day).Where(Workday));
            after = Mean(Days(shift.Day.PlusWeeks(3), shift.Day.PlusWeeks(11)).Where(Workday));
        }

        // Noise: how far a working day strays from the mean of the same weekday two weeks either side.
        var deviations = new List<double>();
        foreach (var day in counts.Keys.Where(Workday))
        {
            var around = new[] { -14, -7, 7, 14 }.Select(n => day.PlusDays(n)).Where(d => counts.ContainsKey(d) && Workday(d)).ToList();
            if (around.Count == 4 && Mean(around) > 0)
            {
                deviations.Add(counts[day] / Mean(around) - 1);
            }
        }
        // The median, so that incident spikes and launch surges (stories of their own) do not pass for noise.
        var noise = deviations.Select(Math.Abs).Order().ElementAt(deviations.Count / 2);

        return new DailySeries(byWeekday, holidays.Count, Mean(holidays), Mean(neighbours), shift, before, after, noise);
    }

    private static IEnumerable<LocalDate> Days(LocalDate from, LocalDate until)
    {
        for (var d = from; d < until; d = d.PlusDays(1))
        {
            yield return d;
        }
    }
}
