namespace SupportLens.Analytics.Configuration;

/// <summary>
/// The support plan's defaults (DESIGN.md §4), written as the configuration file would say them; config/supportlens.json
/// is this document serialised, and a test keeps the two equal.
/// </summary>
internal static class DefaultSettingsDocument
{
    public static SettingsDocument Create() => new()
    {
        ReportingTimeZone = "America/New_York",
        Holidays = new()
        {
            ["us"] = new() { Rules = ["us-federal"], Dates = [] },
        },
        Calendars = new()
        {
            ["ny-business-hours"] = new() { TimeZone = "America/New_York", Hours = new() { ["mon-fri"] = ["09:00-18:00"] }, Holidays = ["us"] },
            ["ny-extended-hours"] = new() { TimeZone = "America/New_York", Hours = new() { ["mon-fri"] = ["07:00-21:00"] }, Holidays = ["us"] },
            ["24x7"] = new() { TimeZone = "UTC", Hours = new() { ["daily"] = ["00:00-24:00"] }, Holidays = [] },
        },
        Tiers = new()
        {
            ["starter"] = Tier("ny-business-hours", "8h", "24h", 85),
            ["professional"] = Tier("ny-extended-hours", "4h", "12h", 90),
            ["business"] = Tier("24x7", "2h", "8h", 95),
            ["enterprise"] = Tier("24x7", "1h", "4h", 98),
        },
        Targets = new()
        {
            SlaCompliancePct = 95,
            EscalationRateMaxPct = 10,
            NpsMin = 60,
            HealthAverageMin = 80,
            RetentionPct = 95,
            AvailabilityPct = 99.9,
            ApiP95Ms = 500,
            Incidents = new()
            {
                ["1"] = new() { InitialResponse = "15m", ClientCommunication = "45m", Resolution = "4h" },
                ["2"] = new() { InitialResponse = "1h", ClientCommunication = "4h", Resolution = "12h" },
                ["3"] = new() { InitialResponse = "4h", ClientCommunication = "12h", Resolution = "48h" },
                ["4"] = new() { InitialResponse = "24h", Resolution = "168h" },
            },
        },
        Forecast = ForecastDocument.Defaults(),
        Capacity = CapacityDocument.Defaults(),
    };

    // The plan's "satisfaction x/10" reads as CSAT 10·x %, and its FCR targets happen to be the same numbers.
    private static TierDocument Tier(string calendar, string firstResponse, string resolution, double pct) => new()
    {
        Calendar = calendar,
        FirstResponse = firstResponse,
        Resolution = resolution,
        Priorities = [],
        CsatPct = pct,
        FcrPct = pct,
    };
}
