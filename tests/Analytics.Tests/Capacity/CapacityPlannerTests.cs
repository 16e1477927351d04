using NodaTime;
using SupportLens.Analytics.Capacity;

namespace SupportLens.Analytics.Tests.Capacity;

public sealed class CapacityPlannerTests
{
    private static readonly LocalDate Monday = new(2026, 1, 5);

    // Phone 9 600 a day (400 an hour, spread evenly) and email 480 a day (20 an hour at 6 minutes = 2 agent-hours an hour).
    private static CapacityInputs Inputs(params Shift[] shifts) => new(
        [
            new ChannelForecast("phone", Enumerable.Range(0, 14).Select(d => new DailyContacts(Monday.PlusDays(d), 9600)).ToArray()),
            new ChannelForecast("email", Enumerable.Range(0, 14).Select(d => new DailyContacts(Monday.PlusDays(d), 480)).ToArray()),
        ],
        [
            new LiveChannel("phone", new ServiceLevelTarget(0.80, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(180), MaxOccupancy: 1)),
            new DeferredChannel("email", HandleTime: TimeSpan.FromMinutes(6)),
        ],
        shifts,
        Shrinkage: 0.35,
        ReportingTimeZone: "Etc/UTC");

    // In January: Tokyo 09:00–17:00 is 00–08 UTC, London 09:00–17:00 is 09–17 UTC, New York 12:00–20:00 is 17–01 UTC.
    private static readonly Shift Apac = new("APAC", new LocalTime(9, 0), new LocalTime(17, 0), "Asia/Tokyo", 30);
    private static readonly Shift Emea = new("EMEA", new LocalTime(9, 0), new LocalTime(17, 0), "Europe/London", 30);
    private static readonly Shift Americas = new("Americas", new LocalTime(12, 0), new LocalTime(20, 0), "America/New_York", 45);

    [Fact]
    public void A_shift_needs_its_peak_live_hour_plus_its_deferred_work_and_shrinkage_on_top()
    {
        var plan = new CapacityPlanner().Plan(Inputs(Emea));
        Assert.Equal([Monday, Monday.PlusWeeks(1)], plan.Weeks.Select(w => w.WeekStart));
        var week = plan.Weeks[0];
        // 24 phone agents (Erlang C, 400 an hour) + 16 email agent-hours over 8 hours = 26 on the floor;
        // 26 / (1 − 0.35) = 40 scheduled; 30 rostered → 10 short, every day of the week.
        Assert.Equal(26, week.RequiredAgents, 9);
        Assert.Equal(40, week.ScheduledAgents, 9);
        Assert.Equal(30, week.RosteredAgents);
        Assert.Equal(-10, week.Gap, 9);
        Assert.Equal(7, week.ShortDays);
        Assert.Equal(24, week.RequiredByChannel["phone"]);
        Assert.Equal(2, week.RequiredByChannel["email"], 9);
        // EMEA covers 8 of 24 hours: the other 16 hours of 14 days, 16 · 420 · 14 = 94 080 contacts, have no shift.
        Assert.Equal(94_080, plan.UncoveredContacts, 6);
    }

    [Fact]
    public void Follow_the_sun_shifts_share_the_hour_they_overlap_and_leave_a_gap_uncovered()
    {
        var plan = new CapacityPlanner().Plan(Inputs(Apac, Emea, Americas));
        Assert.Equal(["APAC", "EMEA", "Americas"], plan.Weeks.Take(3).Select(w => w.Shift));
        var apac = plan.Weeks[0];
        // APAC's 00:00 UTC hour is shared with the Americas' last hour: 1 email agent-hour there, 2 in the other 7 → 15/8.
        Assert.Equal(24 + 15.0 / 8, apac.RequiredAgents, 9);
        // 08:00 UTC belongs to no shift: 420 contacts a day for 14 days.
        Assert.Equal(14 * 420, plan.UncoveredContacts, 6);
        Assert.All(plan.Weeks.Where(w => w.Shift == "Americas"), w => Assert.True(w.Gap > 0));
    }

    [Fact]
    public void A_shift_keeps_its_local_hours_across_daylight_saving_time()
    {
        // New York moves to daylight time on 8 March 2026: noon is 17:00 UTC before, 16:00 UTC after.
        Assert.Equal(Instant.FromUtc(2026, 3, 6, 17, 0), Americas.On(new LocalDate(2026, 3, 6)).Start);
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 16, 0), Americas.On(new LocalDate(2026, 3, 9)).Start);
        // A shift ending before it starts runs past midnight.
        var night = new Shift("Night", new LocalTime(22, 0), new LocalTime(6, 0), "Etc/UTC", 5);
        var (start, end) = night.On(Monday);
        Assert.Equal(Duration.FromHours(8), end - start);
    }

    [Fact]
    public void Deferred_work_from_a_measured_rate_or_a_handle_time()
    {
        // 240 tickets at 10 solved per agent-hour, or at 6 minutes each: 24 agent-hours either way.
        Assert.Equal(24, new DeferredChannel("web", TicketsPerAgentHour: 10).AgentHours(240), 9);
        Assert.Equal(24, new DeferredChannel("web", HandleTime: TimeSpan.FromMinutes(6)).AgentHours(240), 9);
        Assert.Throws<InvalidOperationException>(() => new DeferredChannel("web").AgentHours(1));
    }

    [Fact]
    public void Bad_inputs_are_refused_with_the_field_named()
    {
        var planner = new CapacityPlanner();
        Assert.Throws<ArgumentOutOfRangeException>(() => planner.Plan(Inputs(Emea) with { Shrinkage = 1 }));
        var error = Assert.Throws<ArgumentException>(() => planner.Plan(Inputs(Emea with { TimeZone = "Mars/Olympus" })));
        Assert.Contains("Mars/Olympus", error.Message);
        Assert.Throws<ArgumentException>(() => planner.Plan(Inputs(Emea) with { HourlyShares = [1.0] }));
    }
}
