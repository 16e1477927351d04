namespace SupportLens.Analytics.Configuration;

// The JSON shape of supportlens.json (keys in snake_case, see README "Configuration"). Everything is nullable so
// that a missing key is reported by name by SettingsBinder instead of failing deep inside the serializer.

internal sealed class SettingsDocument
{
    public string? ReportingTimeZone { get; set; }

    public Dictionary<string, HolidaySetDocument>? Holidays { get; set; }

    public Dictionary<string, CalendarDocument>? Calendars { get; set; }

    public Dictionary<string, TierDocument>? Tiers { get; set; }

    public TargetsDocument? Targets { get; set; }

    /// <summary>Optional: absent means <see cref="Forecasting.ForecastSettings.Default"/>.</summary>
    public ForecastDocument? Forecast { get; set; }

    /// <summary>Optional: absent means <see cref="Capacity.CapacitySettings.Default"/>.</summary>
    public CapacityDocument? Capacity { get; set; }

    /// <summary>Optional, as is each of its keys: an absent one takes its default (<see cref="DefaultSettingsDocument.Jobs"/>).</summary>
    public Jobs.JobsDocument? Jobs { get; set; }

    /// <summary>Optional (HealthSection.cs); absent = the defaults.</summary>
    public HealthSectionDocument? Health { get; set; }

    /// <summary>Optional (RiskSection.cs); absent = the defaults.</summary>
    public RiskSectionDocument? Risk { get; set; }
}

internal sealed class HolidaySetDocument
{
    public List<string>? Rules { get; set; }

    /// <summary>"2026-12-24", or an inclusive range "2026-12-24..2026-12-31".</summary>
    public List<string>? Dates { get; set; }
}

internal sealed class CalendarDocument
{
    public string? TimeZone { get; set; }

    /// <summary>Day keys (mon..sun, a range like mon-fri, or daily) to "HH:mm-HH:mm" intervals; 24:00 ends at midnight.</summary>
    public Dictionary<string, List<string>>? Hours { get; set; }

    public List<string>? Holidays { get; set; }
}

internal sealed class TierDocument
{
    public string? Calendar { get; set; }

    public string? FirstResponse { get; set; }

    public string? Resolution { get; set; }

    public Dictionary<string, PriorityDocument>? Priorities { get; set; }

    public double? CsatPct { get; set; }

    public double? FcrPct { get; set; }
}

internal sealed class PriorityDocument
{
    public string? Calendar { get; set; }

    public string? FirstResponse { get; set; }

    public string? Resolution { get; set; }
}

internal sealed class TargetsDocument
{
    public double? SlaCompliancePct { get; set; }

    public double? EscalationRateMaxPct { get; set; }

    public double? NpsMin { get; set; }

    public double? HealthAverageMin { get; set; }

    public double? RetentionPct { get; set; }

    public double? AvailabilityPct { get; set; }

    public double? ApiP95Ms { get; set; }

    public Dictionary<string, IncidentDocument>? Incidents { get; set; }
}

internal sealed class IncidentDocument
{
    public string? InitialResponse { get; set; }

    /// <summary>Absent when the severity promises no client communication.</summary>
    public string? ClientCommunication { get; set; }

    public string? Resolution { get; set; }
}
