using System.Text.Json.Nodes;
using NodaTime;
using SupportLens.Analytics.Capacity;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Forecasting;

namespace SupportLens.Analytics.Tests.Configuration;

public sealed class ForecastCapacitySettingsTests
{
    private static readonly SupportLensSettings Defaults = SupportLensSettings.Default;

    private static JsonNode DefaultJson() => JsonNode.Parse(Defaults.ToJson())!;

    [Fact]
    public void Defaults_are_documented_and_absent_sections_mean_defaults()
    {
        var forecast = Defaults.Forecast;
        Assert.Equal((90, 4, true, 13), (forecast.HorizonDays, forecast.BacktestOrigins, forecast.GradientBoosting, forecast.WeeklyHorizon));
        Assert.True(forecast.Holidays.IsHoliday(new LocalDate(2026, 7, 3)));
        var capacity = Defaults.Capacity;
        Assert.Equal((0.30, 0.85, 8), (capacity.Shrinkage, capacity.MaxOccupancy, capacity.MeasurementWeeks));
        Assert.Equal(new ServiceLevelGoal(0.80, TimeSpan.FromSeconds(60)), capacity.Channel("chat")!.ServiceLevel);
        Assert.Null(capacity.Channel("email")!.ServiceLevel);
        Assert.All(capacity.Channels, c => Assert.Null(c.HandleTime));
        Assert.Equal(["APAC", "EMEA", "Americas"], capacity.Shifts.Select(s => s.Name));
        Assert.Equal(18, capacity.Shifts.Sum(s => s.Agents));

        var json = DefaultJson().AsObject();
        json.Remove("forecast");
        json.Remove("capacity");
        var bare = SupportLensSettings.Parse(json.ToJsonString());
        Assert.Equal(Defaults.Forecast.Fingerprint(), bare.Forecast.Fingerprint());
        Assert.Equal(Defaults.Capacity.Shifts.ToArray(), bare.Capacity.Shifts.ToArray());
        Assert.Equal(Defaults.Capacity.Channels.ToArray(), bare.Capacity.Channels.ToArray());

        // Keys inside a section are optional too.
        var partial = DefaultJson();
        partial["forecast"] = JsonNode.Parse("""{ "horizon_days": 28 }""");
        partial["capacity"] = JsonNode.Parse("""{ "shrinkage_pct": 35 }""");
        var settings = SupportLensSettings.Parse(partial.ToJsonString());
        Assert.Equal((28, 4, 4), (settings.Forecast.HorizonDays, settings.Forecast.BacktestOrigins, settings.Forecast.WeeklyHorizon));
        Assert.Equal(0.35, settings.Capacity.Shrinkage, 12);
        Assert.Equal(Defaults.Capacity.Shifts.ToArray(), settings.Capacity.Shifts.ToArray());
    }

    [Fact]
    public void A_roster_with_weekday_shifts_and_fixed_handle_times()
    {
        var json = DefaultJson();
        json["capacity"]!["channels"] = JsonNode.Parse("""
            { "phone": { "handle_time": "5m30s", "service_level_pct": 90, "answer_within": "20s" }, "email": { "handle_time": "12m" } }
            """);
        json["capacity"]!["shifts"] = JsonNode.Parse("""
            { "Sydney": { "start": "22:00", "end": "06:00", "time_zone": "Australia/Sydney", "days": ["mon-fri"], "agents": 4 },
              "Weekend": { "start": "08:00", "end": "20:00", "time_zone": "UTC", "days": ["sat", "sun"], "agents": 2 } }
            """);
        var capacity = SupportLensSettings.Parse(json.ToJsonString()).Capacity;

        Assert.Equal(["phone", "email"], capacity.Channels.Select(c => c.Channel));
        Assert.Equal(new ChannelPlan("phone", TimeSpan.FromSeconds(330), null, new ServiceLevelGoal(0.90, TimeSpan.FromSeconds(20))), capacity.Channel("phone"));
        Assert.Equal(TimeSpan.FromMinutes(12), capacity.Channel("email")!.HandleTime);
        var sydney = capacity.Shifts[0];
        Assert.Equal((new LocalTime(22, 0), new LocalTime(6, 0), "Australia/Sydney", 4), (sydney.Start, sydney.End, sydney.TimeZone, sydney.Agents));
        Assert.Equal([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday], sydney.Days);
        Assert.Equal([IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday], capacity.Shifts[1].Days);
    }

    [Theory]
    [InlineData("forecast.horizon_days", "120", "forecast.horizon_days: 120 is outside 1..90")]
    [InlineData("forecast.backtest_origins", "1", "forecast.backtest_origins: 1 is outside 2..12")]
    [InlineData("forecast.holidays", "[\"uk\"]", "forecast.holidays[0]: unknown holiday set \"uk\"; defined: us")]
    [InlineData("forecast.gradient_boosting", "\"yes\"", "forecast.gradient_boosting: wrong kind of value")]
    [InlineData("forecast.horizon", "30", "forecast.horizon: unknown key")]
    [InlineData("capacity.shrinkage_pct", "100", "capacity.shrinkage_pct: 100 is outside 0..95")]
    [InlineData("capacity.max_occupancy_pct", "0", "capacity.max_occupancy_pct: 0 is outside 1..100")]
    [InlineData("capacity.channels.fax", "{\"handle_time\": \"5m\"}", "capacity.channels.fax: unknown channel; channels are email, chat, phone, web, api")]
    [InlineData("capacity.channels.email.handle_time", "\"quick\"", "capacity.channels.email.handle_time: \"quick\" is not \"measured\" or a duration like \"8m\"")]
    [InlineData("capacity.channels.email.handle_time", null, "capacity.channels.email.handle_time: required")]
    [InlineData("capacity.channels.chat.fallback_handle_time", "\"0s\"", "capacity.channels.chat.fallback_handle_time: \"0s\": a handle time must be more than zero")]
    [InlineData("capacity.channels.chat.answer_within", null, "capacity.channels.chat.answer_within: required with service_level_pct")]
    [InlineData("capacity.channels.phone.service_level_pct", "100", "capacity.channels.phone.service_level_pct: 100 is outside 1..99.9")]
    [InlineData("capacity.shifts.APAC.time_zone", "\"Asia/Atlantis\"", "capacity.shifts.APAC.time_zone: unknown time zone \"Asia/Atlantis\"")]
    [InlineData("capacity.shifts.EMEA.start", "\"7am\"", "capacity.shifts.EMEA.start: \"7am\" is not a time of day like \"09:00\"")]
    [InlineData("capacity.shifts.EMEA.days", "[\"weekdays\"]", "capacity.shifts.EMEA.days[0]: unknown day key \"weekdays\"")]
    [InlineData("capacity.shifts.Americas.agents", null, "capacity.shifts.Americas.agents: required")]
    [InlineData("capacity.shifts.Americas.agents", "-2", "capacity.shifts.Americas.agents: -2 is outside 0..100000")]
    [InlineData("capacity.shifts", "{}", "capacity.shifts: the roster needs at least one shift")]
    [InlineData("capacity.shifts.APAC.agentz", "5", "capacity.shifts.APAC.agentz: unknown key")]
    public void Invalid_sections_name_the_key(string path, string? valueJson, string expected)
    {
        var root = DefaultJson();
        var keys = path.Split('.');
        var parent = keys[..^1].Aggregate(root, (node, key) => node[key]!).AsObject();
        if (valueJson is null)
        {
            parent.Remove(keys[^1]);
        }
        else
        {
            parent[keys[^1]] = JsonNode.Parse(valueJson);
        }

        var error = Assert.Throws<SettingsException>(() => SupportLensSettings.Parse(root.ToJsonString(), "test.json"));
        Assert.True(error.Errors.Any(e => e.StartsWith(expected, StringComparison.Ordinal)), string.Join(" / ", error.Errors));
    }

    [Fact]
    public void Forecast_settings_become_forecast_and_spike_options()
    {
        var settings = new ForecastSettings { HorizonDays = 30, BacktestOrigins = 3, GradientBoosting = false, SpikeThreshold = 4, SpikeWindowWeeks = 3 };
        var daily = settings.DailyOptions();
        Assert.Equal((30, 3, false), (daily.Horizon, daily.Origins, daily.GradientBoosting));
        Assert.Equal(5, settings.WeeklyOptions().Horizon);
        Assert.Equal((4.0, 3), (settings.SpikeOptions().Threshold, settings.SpikeOptions().WindowWeeks));
        Assert.NotEqual(settings.Fingerprint(), (settings with { HorizonDays = 31 }).Fingerprint());
        Assert.Equal(settings.Fingerprint(), (settings with { SpikeThreshold = 5 }).Fingerprint());
        Assert.NotEqual(settings.SpikeFingerprint(), (settings with { SpikeThreshold = 5 }).SpikeFingerprint());
    }
}
