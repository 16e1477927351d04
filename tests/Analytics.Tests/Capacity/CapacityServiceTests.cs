using System.Text.Json.Nodes;
using NodaTime;
using SupportLens.Analytics.Capacity;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Tests.Forecasting;
using SupportLens.Storage;

namespace SupportLens.Analytics.Tests.Capacity;

public sealed class CapacityServiceTests
{
    private static readonly FixedTime Clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private static readonly LocalDate Start = new(2026, 1, 5);

    // One 12-hour New York shift of 10 agents every day; phone measured (else 5 minutes), chat 6 minutes, email at the
    // agents' measured productivity, web 10 minutes.
    private static SupportLensSettings Settings()
    {
        var json = JsonNode.Parse(SupportLensSettings.Default.ToJson())!;
        json["forecast"] = JsonNode.Parse("""{ "horizon_days": 28, "backtest_origins": 3, "gradient_boosting": false }""");
        json["capacity"] = JsonNode.Parse("""
            {
              "shrinkage_pct": 30,
              "measurement_weeks": 4,
              "channels": {
                "email": { "handle_time": "measured" },
                "chat": { "handle_time": "6m", "service_level_pct": 80, "answer_within": "60s" },
                "phone": { "handle_time": "measured", "fallback_handle_time": "5m", "service_level_pct": 80, "answer_within": "20s" },
                "web": { "handle_time": "10m" }
              },
              "shifts": { "Day": { "start": "08:00", "end": "20:00", "time_zone": "America/New_York", "agents": 10 } }
            }
            """);
        return SupportLensSettings.Parse(json.ToJsonString());
    }

    private static Warehouse History(bool withPhoneVolume)
    {
        var warehouse = TestWarehouse.Create(Clock);
        using var connection = warehouse.OpenConnection();
        connection.ExecuteNonQuery("INSERT INTO clients (client_id, source, name, tier) VALUES ('A', 'g', 'Acme', 'business')");
        var noise = new Random(3);
        var tickets = TestTickets.Daily(Start, 140, ["A"], ["email", "chat"], (day, _, channel) =>
                (channel == "email" ? 40 : 20) / (day.DayOfWeek >= IsoDayOfWeek.Saturday ? 4 : 1) + noise.Next(-2, 3))
            .Select((t, i) => t.Channel == "email" ? t with { Agent = i % 2 == 0 ? "E1" : "E2", Solved = t.Created.AddHours(1) } : t)
            .ToArray();
        TestTickets.Insert(connection, tickets);
        if (withPhoneVolume)
        {
            // Each day 12 calls offered at 15:00 UTC, handled in 300 s on average, plus 4 at 16:00 UTC in 420 s.
            connection.ExecuteNonQuery("""
                INSERT INTO volume_intervals (source, interval_start, interval_minutes, channel, client_id, offered, handled, avg_handle_seconds)
                SELECT 'acd', TIMESTAMPTZ '2026-01-05 15:00:00+00' + to_days(d), 60, 'phone', 'A', 12, 12, 300 FROM range(0, 140) t(d)
                UNION ALL
                SELECT 'acd', TIMESTAMPTZ '2026-01-05 16:00:00+00' + to_days(d), 60, 'phone', 'A', 4, 4, 420 FROM range(0, 140) t(d);
                """);
        }

        new DataHorizonTable(Clock).Refresh(connection);
        var settings = Settings();
        new ForecastTable(settings.Forecast, settings.ReportingTimeZone, Clock).Refresh(connection);
        return warehouse;
    }

    [Fact]
    public void A_configured_roster_is_planned_week_by_week_from_the_stored_forecast()
    {
        using var warehouse = History(withPhoneVolume: true);
        var report = new CapacityService(warehouse, Settings()).Plan(weeks: 2)!;

        // The last ticket is created 2026-05-24 at 11:xx New York time: history through 05-23 (a Saturday), so the
        // first whole week is Monday 05-25 to Sunday 05-31; 28 days ahead reach 06-20, two more whole weeks.
        Assert.Equal(new LocalDate(2026, 5, 23), report.HistoryThrough);
        Assert.Equal((new LocalDate(2026, 5, 25), new LocalDate(2026, 6, 7), 3), (report.From, report.To, report.WeeksAvailable));
        Assert.Equal([new LocalDate(2026, 5, 25), new LocalDate(2026, 6, 1)], report.Weeks.Select(w => w.WeekStart));
        Assert.All(report.Weeks, w =>
        {
            Assert.Equal(("Day", 10), (w.Shift, w.RosteredAgents));
            Assert.Equal(w.RequiredAgents / 0.7, w.ScheduledAgents, 9);
            Assert.Equal(10 - w.ScheduledAgents, w.Gap, 9);
            Assert.Equal(["chat", "email", "phone"], w.RequiredByChannel.Keys.Order(StringComparer.Ordinal));
            Assert.True(w.RequiredByChannel["phone"] >= 1);
        });

        var channels = report.Channels.ToDictionary(c => c.Channel);
        // Phone: the export's handled-weighted handle time over the last 4 weeks: (12 × 300 + 4 × 420) / 16 = 330 s.
        Assert.Equal(TimeSpan.FromSeconds(330), channels["phone"].HandleTime);
        Assert.StartsWith("volume export (448 contacts)", channels["phone"].Source, StringComparison.Ordinal);
        Assert.Equal(16 * 7, channels["phone"].ContactsPerWeek, 0);
        Assert.Equal((TimeSpan.FromMinutes(6), "configured"), (channels["chat"].HandleTime, channels["chat"].Source));
        Assert.True(channels["chat"].Live && !channels["email"].Live);
        // Email: at the agents' measured rate; its weekly work is its contacts at that rate.
        Assert.StartsWith("agent productivity", channels["email"].Source, StringComparison.Ordinal);
        var rate = report.Productivity.Channel("email")!.SolvedPerAgentHour!.Value;
        Assert.Equal(rate, channels["email"].SolvedPerAgentHour!.Value, 9);
        Assert.Equal(channels["email"].ContactsPerWeek / rate, channels["email"].WorkloadHoursPerWeek!.Value, 6);
        // Web has a handle time but no forecast (no web tickets): planned with nothing to do.
        Assert.Equal(0, channels["web"].ContactsPerWeek);
        Assert.Null(channels["web"].NotPlanned);
        // Api is not configured at all (and has no tickets): not listed; a configured-but-unmeasurable channel would say why.
        Assert.DoesNotContain("api", channels.Keys);

        // Productivity: E1 and E2 solve email inside the Day shift; 10 agents × 12 h × 28 days, 70 % productive.
        var day = report.Productivity.Shifts.Single();
        Assert.Equal((2, 10 * 12 * 28.0), (day.AgentsSeen, day.RosteredHours));
        Assert.Equal(day.RosteredHours * 0.7, day.ProductiveHours, 9);
        Assert.Equal(0, report.UncoveredContacts, 6);
    }

    [Fact]
    public void Without_a_volume_export_the_phone_handle_time_is_the_fallback_and_says_so()
    {
        using var warehouse = History(withPhoneVolume: false);
        var report = new CapacityService(warehouse, Settings()).Plan(weeks: 1)!;
        Assert.DoesNotContain(report.Channels, c => c.Channel == "phone" && c.ContactsPerWeek > 0);
        var phone = report.Channels.Single(c => c.Channel == "phone");
        Assert.Equal((TimeSpan.FromMinutes(5), "fallback (not measured)"), (phone.HandleTime, phone.Source));
        Assert.Single(report.Weeks);
    }

    [Fact]
    public void No_stored_forecast_gives_no_plan()
    {
        using var warehouse = TestWarehouse.Create(Clock);
        Assert.Null(new CapacityService(warehouse, Settings()).Plan(4));
    }
}
