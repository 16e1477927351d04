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
        Health = HealthSectionDocument.From(Health.HealthSettings.Default),
        Risk = RiskSectionDocument.From(Risk.RiskSettings.Default),
        Jobs = Jobs(),
    };


    /// <summary>The jobs section's defaults: what an absent "jobs" section or key means.</summary>
    public static Jobs.JobsDocument Jobs() => new()
    {
        Enabled = true,
        TimeZone = "America/New_York",
        // Refresh at night; the week's quality reports on Monday and the month's pack on the 1st, both after it.
        Schedules = new() { Refresh = "0 2 * * *", WeeklyQuality = "0 6 * * 1", MonthlyReports = "0 6 1 * *" },
        CatchUpMaxPeriods = 3,
        Retry = new() { FirstDelay = "1m", MaxDelay = "6h" },
        Storage = new() { Kind = "sqlite", ConnectionStringEnv = "SUPPORTLENS_JOBS_POSTGRES" },
        Smtp = new()
        {
            Host = "",
            Port = 587,
            Tls = "starttls",
            User = "",
            PasswordEnv = "SUPPORTLENS_SMTP_PASSWORD",
            From = "SupportLens <supportlens@localhost>",
        },
        Recipients = new() { Executives = [], Qa = [], SuccessManagers = [] },
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
