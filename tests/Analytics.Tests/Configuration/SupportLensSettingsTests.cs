using System.Text.Json.Nodes;
using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Sla;
using static SupportLens.Analytics.Tests.Sla.TestTime;

namespace SupportLens.Analytics.Tests.Configuration;

public class SupportLensSettingsTests
{
    private static readonly SupportLensSettings Defaults = SupportLensSettings.Default;

    [Fact]
    public void Defaults_are_the_support_plan()
    {
        Assert.Equal("America/New_York", Defaults.ReportingTimeZone.Id);

        var starter = Defaults.SlaPolicies.For(SupportTier.Starter).Targets;
        Assert.Equal((Hours(8), Hours(24)), (starter.FirstResponse, starter.Resolution));
        Assert.Equal("America/New_York", starter.Calendar.Zone.Id);
        Assert.Equal(5, starter.Calendar.Hours.Count);
        Assert.All(starter.Calendar.Hours, h => Assert.Equal((new LocalTime(9, 0), new LocalTime(18, 0)), (h.Opens, h.Closes)));
        Assert.True(starter.Calendar.Holidays.IsHoliday(Date("2026-07-03")));

        var professional = Defaults.SlaPolicies.For(SupportTier.Professional).Targets;
        Assert.Equal((Hours(4), Hours(12)), (professional.FirstResponse, professional.Resolution));
        Assert.All(professional.Calendar.Hours, h => Assert.Equal((new LocalTime(7, 0), new LocalTime(21, 0)), (h.Opens, h.Closes)));

        var business = Defaults.SlaPolicies.For(SupportTier.Business).Targets;
        var enterprise = Defaults.SlaPolicies.For(SupportTier.Enterprise).Targets;
        Assert.Equal((Hours(2), Hours(8)), (business.FirstResponse, business.Resolution));
        Assert.Equal((Hours(1), Hours(4)), (enterprise.FirstResponse, enterprise.Resolution));
        Assert.True(business.Calendar.IsAlwaysOpen);
        Assert.True(enterprise.Calendar.IsAlwaysOpen);

        var targets = Defaults.Targets;
        Assert.Equal(new TierQualityTargets(85, 85), targets.Tiers[SupportTier.Starter]);
        Assert.Equal(new TierQualityTargets(98, 98), targets.Tiers[SupportTier.Enterprise]);
        Assert.Equal((95.0, 10.0, 60.0, 80.0, 95.0, 99.9), (targets.SlaCompliancePct, targets.EscalationRateMaxPct, targets.NpsMin,
            targets.HealthAverageMin, targets.RetentionPct, targets.AvailabilityPct));
        Assert.Equal(Duration.FromMilliseconds(500), targets.ApiP95);

        var sev = targets.Incidents.BySeverity;
        Assert.Equal(Duration.FromMinutes(15), sev[1].InitialResponse);
        Assert.Equal(Duration.FromMinutes(45), sev[1].ClientCommunication);
        Assert.Equal(Hours(48), sev[3].Resolution);
        Assert.Null(sev[4].ClientCommunication);
        Assert.Equal(Duration.FromDays(7), sev[4].Resolution);
    }

    [Fact]
    public void Committed_file_equals_the_defaults()
    {
        var path = Path.Combine(RepositoryRoot(), "config", "supportlens.json");
        if (Environment.GetEnvironmentVariable("SUPPORTLENS_WRITE_DEFAULT_CONFIG") == "1")
        {
            File.WriteAllText(path, Defaults.ToJson());
        }

        var loaded = SupportLensSettings.Load(path);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(File.ReadAllText(path)), JsonNode.Parse(Defaults.ToJson())),
            "config/supportlens.json differs from SupportLensSettings.Default; rerun this test with SUPPORTLENS_WRITE_DEFAULT_CONFIG=1 to rewrite it.");
        Assert.Equal(Defaults.ToJson(), loaded.ToJson());
        Assert.Equal(
            Defaults.SlaPolicies.For(SupportTier.Starter).Targets.Calendar.AddBusinessTime(Ny("2026-11-26 19:30"), Hours(24)),
            loaded.SlaPolicies.For(SupportTier.Starter).Targets.Calendar.AddBusinessTime(Ny("2026-11-26 19:30"), Hours(24)));
    }

    [Fact]
    public void Round_trips_through_json() =>
        Assert.Equal(Defaults.ToJson(), SupportLensSettings.Parse(Defaults.ToJson()).ToJson());

    [Theory]
    [InlineData("tiers.business.first_response", "\"2x\"", "tiers.business.first_response: \"2x\" is not a duration like \"2h\" or \"90m\"")]
    [InlineData("tiers.starter.resolution", "\"0m\"", "tiers.starter.resolution: \"0m\": a target must be more than zero")]
    [InlineData("calendars.ny-business-hours.time_zone", "\"America/NewYork\"", "calendars.ny-business-hours.time_zone: unknown time zone \"America/NewYork\"")]
    [InlineData("reporting_time_zone", "\"EST5\"", "reporting_time_zone: unknown time zone \"EST5\"")]
    [InlineData("calendars.ny-business-hours.hours.mon-fri", "[\"18:00-09:00\"]", "calendars.ny-business-hours.hours.mon-fri[0]: \"18:00-09:00\": end before start")]
    [InlineData("calendars.ny-business-hours.hours.mon-fri", "[\"9-18\"]", "calendars.ny-business-hours.hours.mon-fri[0]: \"9-18\" is not a time range like \"09:00-18:00\"")]
    [InlineData("calendars.ny-business-hours.hours", "{\"weekdays\": [\"09:00-18:00\"]}", "calendars.ny-business-hours.hours.weekdays: unknown day key")]
    [InlineData("calendars.24x7.hours", "{}", "calendars.24x7.hours: no opening hours")]
    [InlineData("tiers.starter.calendar", "\"ny\"", "tiers.starter.calendar: unknown calendar \"ny\"; defined: ny-business-hours, ny-extended-hours, 24x7")]
    [InlineData("tiers.starter.priorities", "{\"urgent\": {\"calendar\": \"nights\"}}", "tiers.starter.priorities.urgent.calendar: unknown calendar \"nights\"")]
    [InlineData("tiers.starter.priorities", "{\"critical\": {}}", "tiers.starter.priorities.critical: unknown priority; priorities are low, normal, high, urgent")]
    [InlineData("tiers.gold", "{}", "tiers.gold: unknown tier; tiers are starter, professional, business, enterprise")]
    [InlineData("tiers.enterprise", null, "tiers.enterprise: required")]
    [InlineData("tiers.starter.csat_pct", "120", "tiers.starter.csat_pct: 120 is outside 0..100")]
    [InlineData("calendars.ny-business-hours.holidays", "[\"uk\"]", "calendars.ny-business-hours.holidays[0]: unknown holiday set \"uk\"; defined: us")]
    [InlineData("holidays.us.rules", "[\"us-state\"]", "holidays.us.rules[0]: unknown holiday rule \"us-state\"; known: us-federal")]
    [InlineData("holidays.us.dates", "[\"2026-12-31..2026-12-24\"]", "holidays.us.dates[0]: \"2026-12-31..2026-12-24\": end before start")]
    [InlineData("holidays.us.dates", "[\"24/12/2026\"]", "holidays.us.dates[0]: \"24/12/2026\" is not a date like \"2026-12-24\"")]
    [InlineData("targets.incidents.0", "{\"initial_response\": \"1h\", \"resolution\": \"2h\"}", "targets.incidents.0: severity keys are whole numbers from 1")]
    [InlineData("targets.incidents.2.resolution", null, "targets.incidents.2.resolution: required")]
    [InlineData("targets.nps_min", "\"sixty\"", "targets.nps_min: wrong kind of value")]
    [InlineData("tiers.starter.frist_response", "\"8h\"", "tiers.starter.frist_response: unknown key")]
    public void Invalid_settings_name_the_key(string path, string? valueJson, string expected)
    {
        var error = Assert.Throws<SettingsException>(() => SupportLensSettings.Parse(Edit(path, valueJson), "test.json"));
        Assert.True(error.Errors.Any(e => e.StartsWith(expected, StringComparison.Ordinal)), string.Join(" / ", error.Errors));
        Assert.StartsWith("test.json: invalid configuration", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var json = JsonNode.Parse(Defaults.ToJson())!;
        json["tiers"]!["business"]!["first_response"] = "2x";
        json["calendars"]!["ny-extended-hours"]!["time_zone"] = "Mars/Olympus";
        var error = Assert.Throws<SettingsException>(() => SupportLensSettings.Parse(json.ToJsonString()));
        Assert.Equal(2, error.Errors.Count);
    }

    [Fact]
    public void Not_json_fails_with_the_line()
    {
        var error = Assert.Throws<SettingsException>(() => SupportLensSettings.Parse("{\n  \"tiers\": [1,\n", "broken.json"));
        Assert.Contains("line", error.Errors.Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_fails_with_its_path()
    {
        var error = Assert.Throws<SettingsException>(() => SupportLensSettings.Load("/nonexistent/supportlens.json"));
        Assert.StartsWith("/nonexistent/supportlens.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Priority_overrides_regions_and_explicit_dates_from_a_file()
    {
        var json = JsonNode.Parse(Defaults.ToJson())!;
        json["holidays"]!["uk"] = JsonNode.Parse("""{ "rules": [], "dates": ["2026-12-25..2026-12-28", "2026-04-03"] }""");
        json["calendars"]!["london"] = JsonNode.Parse(
            """{ "time_zone": "Europe/London", "hours": { "mon-fri": ["08:00-12:00", "13:00-17:00"], "sat": ["10:00-14:00"] }, "holidays": ["uk"] }""");
        json["tiers"]!["starter"]!["priorities"] = JsonNode.Parse(
            """{ "urgent": { "first_response": "2h", "calendar": "london" }, "low": { "resolution": "1h30m" } }""");
        var settings = SupportLensSettings.Parse(json.ToJsonString());

        var london = settings.Calendars["london"];
        Assert.Equal(11, london.Hours.Count);
        Assert.False(london.IsOpen(At(London, "2026-12-28 09:00")));   // inside the explicit range
        Assert.True(london.IsOpen(At(London, "2026-12-29 09:00")));
        Assert.True(london.IsOpen(At(London, "2026-12-26 11:00")) is false);   // a Saturday, but a holiday

        var urgent = settings.SlaPolicies.For(SupportTier.Starter).TargetsFor(TicketPriority.Urgent);
        Assert.Equal((Hours(2), Hours(24), "london"), (urgent.FirstResponse, urgent.Resolution, urgent.Calendar.Name));
        var low = settings.SlaPolicies.For(SupportTier.Starter).TargetsFor(TicketPriority.Low);
        Assert.Equal((Hours(8), Hours(1.5), "ny-business-hours"), (low.FirstResponse, low.Resolution, low.Calendar.Name));
    }

    /// <summary>The default document with the value at a dotted path replaced (null removes the key).</summary>
    private static string Edit(string path, string? valueJson)
    {
        var root = JsonNode.Parse(Defaults.ToJson())!;
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

        return root.ToJsonString();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SupportLens.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SupportLens.slnx not found above " + AppContext.BaseDirectory);
    }
}
