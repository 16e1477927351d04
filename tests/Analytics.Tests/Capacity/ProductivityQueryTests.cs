using NodaTime;
using SupportLens.Analytics.Capacity;
using SupportLens.Analytics.Tests.Forecasting;

namespace SupportLens.Analytics.Tests.Capacity;

public sealed class ProductivityQueryTests
{
    private static readonly FixedTime Clock = new(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero));

    private static readonly Shift[] Roster =
    [
        new("Day", new LocalTime(9, 0), new LocalTime(17, 0), "UTC", 2),
        new("Late", new LocalTime(16, 0), new LocalTime(22, 0), "UTC", 0),
        new("Night", new LocalTime(21, 0), new LocalTime(5, 0), "UTC", 1),
    ];

    private static TestTicket Solve(string id, string? agent, string channel, int day, int hour, int minute = 0)
    {
        var solved = new DateTimeOffset(2026, 3, 2 + day, hour, minute, 0, TimeSpan.Zero);
        return new TestTicket(id, "A", channel, solved.AddHours(-1), agent, solved);
    }

    [Fact]
    public void Solves_per_productive_agent_hour_by_shift_and_channel()
    {
        using var warehouse = TestWarehouse.Create(Clock);
        using var connection = warehouse.OpenConnection();
        connection.ExecuteNonQuery("INSERT INTO clients (client_id, source, name, tier) VALUES ('A', 'g', 'Acme', 'starter')");
        var tickets = new List<TestTicket>();
        for (var i = 0; i < 30; i++)
        {
            tickets.Add(Solve($"x-email-{i}", "X", "email", i % 7, 10 + i % 3));
        }
        for (var i = 0; i < 10; i++)
        {
            tickets.Add(Solve($"x-web-{i}", "X", "web", i % 7, 11));
        }
        for (var i = 0; i < 20; i++)
        {
            tickets.Add(Solve($"y-email-{i}", "Y", "email", i % 7, 14));
        }
        for (var i = 0; i < 7; i++)
        {
            tickets.Add(Solve($"z-chat-{i}", "Z", "chat", i, 23));
        }
        // V: two solves at 16:30 (Day and Late overlap: half each) and one at 21:30 (Late and Night): Day 1, Late 1.5, Night 0.5.
        tickets.AddRange([Solve("v-1", "V", "email", 0, 16, 30), Solve("v-2", "V", "email", 1, 16, 30), Solve("v-3", "V", "email", 2, 21, 30)]);
        // W solves only at 06:00, between Night (to 05:00) and Day (from 09:00): in no shift's hours.
        tickets.AddRange([Solve("w-1", "W", "email", 0, 6), Solve("w-2", "W", "email", 1, 6), Solve("w-3", "W", "email", 2, 6)]);
        tickets.AddRange([Solve("n-1", null, "web", 0, 10), Solve("n-2", null, "web", 1, 10)]);
        tickets.Add(Solve("x-later", "X", "email", 7, 10)); // Monday 03-09: after the window
        TestTickets.Insert(connection, tickets);

        var window = new MeasurementWindow(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 8), DateTimeZone.Utc);
        var result = ProductivityQuery.Measure(connection, Roster, window, shrinkage: 0.25);

        Assert.Equal((2L, 3L), (result.SolvedWithoutAgent, result.SolvedOutsideShifts));
        var day = result.Shifts[0];
        // Day: 2 agents × 7 days × 8 h = 112 h, productive 84 h; X and Y seen, 42 h each.
        // X: 30 email + 10 web → 31.5 h on email, 10.5 h on web; Y: 20 email → 42 h.
        Assert.Equal(("Day", 2, 2, 112.0, 84.0, 60L), (day.Shift, day.RosteredAgents, day.AgentsSeen, day.RosteredHours, day.ProductiveHours, day.Solved));
        Assert.Equal(60 / 84.0, day.SolvedPerAgentHour!.Value, 9);
        Assert.Equal(["email", "web"], day.Channels.Select(c => c.Channel));
        Assert.Equal((50L, 73.5), (day.Channels[0].Solved, day.Channels[0].AgentHours));
        Assert.Equal(50 / 73.5, day.Channels[0].SolvedPerAgentHour!.Value, 9);
        Assert.Equal(10 / 10.5, day.Channels[1].SolvedPerAgentHour!.Value, 9);

        // Late: nobody rostered, so V's three solves are counted but no rate is measured.
        var late = result.Shifts[1];
        Assert.Equal((1, 0.0, 3L), (late.AgentsSeen, late.RosteredHours, late.Solved));
        Assert.Null(late.SolvedPerAgentHour);
        Assert.Null(late.Channels.Single().SolvedPerAgentHour);

        // Night: 03-01 21:00 → 03-02 05:00 counts from midnight (5 h), six whole nights (48 h), 03-08 21:00 → 24:00 (3 h) = 56 h.
        var night = result.Shifts[2];
        Assert.Equal((56.0, 42.0, 7L), (night.RosteredHours, night.ProductiveHours, night.Solved));
        Assert.Equal(7 / 42.0, night.Channels.Single().SolvedPerAgentHour!.Value, 9);

        // The roster: email 50 (Day) + 3 (Late) over 73.5 h; web 10 over 10.5 h; chat 7 over 42 h.
        Assert.Equal(["email", "chat", "web"], result.Channels.Select(c => c.Channel));
        Assert.Equal(53 / 73.5, result.Channel("email")!.SolvedPerAgentHour!.Value, 9);
        Assert.Equal(7 / 42.0, result.Channel("chat")!.SolvedPerAgentHour!.Value, 9);
    }

    [Fact]
    public void No_solves_with_agents_means_not_measured()
    {
        using var warehouse = TestWarehouse.Create(Clock);
        using var connection = warehouse.OpenConnection();
        var window = new MeasurementWindow(new LocalDate(2026, 3, 2), new LocalDate(2026, 3, 8), DateTimeZone.Utc);
        var result = ProductivityQuery.Measure(connection, Roster, window, 0.3);
        Assert.Empty(result.Channels);
        Assert.All(result.Shifts, s => Assert.Null(s.SolvedPerAgentHour));
        Assert.Equal(112.0, result.Shifts[0].RosteredHours);
    }
}
