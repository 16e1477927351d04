using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using SupportLens.Analytics.Configuration.Jobs;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Risk;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Configuration;

/// <summary>
/// SupportLens's configuration: reporting time zone, holiday sets, business calendars, SLA policies per tier, the
/// scorecard targets and the scheduled jobs. <see cref="Default"/> is the support plan; <see cref="Load"/> reads a supportlens.json
/// (README "Configuration") and refuses an invalid one with every problem named by its key path.
/// </summary>
public sealed class SupportLensSettings
{
    private readonly SettingsDocument _document;

    internal SupportLensSettings(
        SettingsDocument document,
        DateTimeZone reportingTimeZone,
        ImmutableDictionary<string, HolidaySet> holidaySets,
        ImmutableDictionary<string, BusinessCalendar> calendars,
        SlaPolicySet slaPolicies,
        QualityTargets targets,
        JobsSettings jobs)
    {
        _document = document;
        ReportingTimeZone = reportingTimeZone;
        HolidaySets = holidaySets;
        Calendars = calendars;
        SlaPolicies = slaPolicies;
        Targets = targets;
        Jobs = jobs;
    }

    /// <summary>The support plan's defaults (DESIGN.md §4); config/supportlens.json says the same.</summary>
    public static SupportLensSettings Default { get; } = SettingsBinder.Bind(DefaultSettingsDocument.Create(), "defaults");

    /// <summary>Time zone in which days and months are cut for reports.</summary>
    public DateTimeZone ReportingTimeZone { get; }

    public ImmutableDictionary<string, HolidaySet> HolidaySets { get; }

    public ImmutableDictionary<string, BusinessCalendar> Calendars { get; }

    public SlaPolicySet SlaPolicies { get; }

    public QualityTargets Targets { get; }

    /// <summary>Forecast horizon, backtest origins, models and spike scoring (the optional <c>forecast</c> section).</summary>
    public Forecasting.ForecastSettings Forecast { get; init; } = Analytics.Forecasting.ForecastSettings.Default;

    /// <summary>Service levels, handle times, occupancy, shrinkage and the roster (the optional <c>capacity</c> section).</summary>
    public Capacity.CapacitySettings Capacity { get; init; } = Analytics.Capacity.CapacitySettings.Default;

    /// <summary>How client health is scored: the optional `health` section, else <see cref="HealthSettings.Default"/>.</summary>
    public HealthSettings Health { get; internal init; } = HealthSettings.Default;

    /// <summary>How churn risk is trained and read: the optional `risk` section, else <see cref="RiskSettings.Default"/>.</summary>
    public RiskSettings Risk { get; internal init; } = RiskSettings.Default;

    /// <summary>Schedules, job storage, SMTP and recipients of the scheduled reports.</summary>
    public JobsSettings Jobs { get; }

    /// <exception cref="SettingsException">The file is not valid JSON or not a valid configuration.</exception>
    public static SupportLensSettings Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingsException(path, [$"cannot read the file: {e.Message}"]);
        }

        return Parse(json, path);
    }

    /// <exception cref="SettingsException">Not valid JSON or not a valid configuration.</exception>
    public static SupportLensSettings Parse(string json, string source = "configuration")
    {
        SettingsDocument? document;
        try
        {
            // Syntax first, so that the serializer's errors below are about keys and values only.
            using (JsonDocument.Parse(json, SettingsJson.DocumentOptions))
            {
            }
        }
        catch (JsonException e)
        {
            throw new SettingsException(source, [SettingsJson.DescribeSyntax(e)]);
        }

        try
        {
            document = JsonSerializer.Deserialize<SettingsDocument>(json, SettingsJson.Options);
        }
        catch (JsonException e)
        {
            throw new SettingsException(source, [SettingsJson.DescribeShape(e)]);
        }

        return SettingsBinder.Bind(document ?? new SettingsDocument(), source);
    }

    /// <summary>These settings as a configuration file (indented JSON, snake_case keys).</summary>
    public string ToJson() => JsonSerializer.Serialize(_document, SettingsJson.Options) + "\n";
}
