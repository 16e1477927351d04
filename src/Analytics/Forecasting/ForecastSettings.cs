using System.Globalization;
using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Forecasting;

/// <summary>
/// The <c>forecast</c> section of the configuration: how far ahead <c>refresh</c> forecasts, how many backtest origins
/// choose and calibrate each series' model, whether the gradient-boosted model takes part, and how spikes are scored.
/// Every member has a documented default (<see cref="Default"/>); an absent section means all defaults.
/// </summary>
public sealed record ForecastSettings
{
    public static ForecastSettings Default { get; } = new();

    /// <summary>
    /// Days ahead of the daily forecasts, 1 to 90. Default 90: a quarter, the longest a capacity plan hires for and what
    /// the monthly pack's "next month" needs even when it is produced late in the month. Weekly forecasts run
    /// ⌈days / 7⌉ weeks ahead.
    /// </summary>
    public int HorizonDays { get; init; } = 90;

    /// <summary>Rolling backtest origins per series (choice of model and interval calibration). Default 4; at least 2.</summary>
    public int BacktestOrigins { get; init; } = 4;

    /// <summary>Whether the global gradient-boosted model (and its combination) are candidates. Default true.</summary>
    public bool GradientBoosting { get; init; } = true;

    /// <summary>Days the models know as holidays (calendar features) and on which spike detection expects dips. Default US federal.</summary>
    public HolidaySet Holidays { get; init; } = HolidaySet.UsFederal;

    /// <summary>Robust score beyond which a day is a spike. Default 3.5.</summary>
    public double SpikeThreshold { get; init; } = 3.5;

    /// <summary>Weeks on each side whose same weekday forms a day's expected volume. Default 4.</summary>
    public int SpikeWindowWeeks { get; init; } = 4;

    /// <summary>Weeks ahead of the weekly forecasts.</summary>
    public int WeeklyHorizon => (HorizonDays + 6) / 7;

    public ForecastOptions DailyOptions() =>
        new ForecastOptions { Horizon = HorizonDays, Origins = BacktestOrigins, GradientBoosting = GradientBoosting, Holidays = Holidays }.Validate();

    public ForecastOptions WeeklyOptions() =>
        new ForecastOptions { Horizon = WeeklyHorizon, Origins = BacktestOrigins, GradientBoosting = GradientBoosting, Holidays = Holidays }.Validate();

    public SpikeOptions SpikeOptions() =>
        new SpikeOptions { Threshold = SpikeThreshold, WindowWeeks = SpikeWindowWeeks, Holidays = Holidays }.Validate();

    /// <summary>What the stored forecasts depend on besides the data: a change makes them stale.</summary>
    public string Fingerprint() => string.Create(CultureInfo.InvariantCulture,
        $"h{HorizonDays}/o{BacktestOrigins}/gbm{GradientBoosting}/hol:{Holidays.Name}:{string.Join(',', Holidays.Rules)}:{string.Join(',', Holidays.Dates.Select(d => d.Date))}");

    /// <summary>What the stored spikes depend on besides the data.</summary>
    public string SpikeFingerprint() => string.Create(CultureInfo.InvariantCulture,
        $"t{SpikeThreshold}/w{SpikeWindowWeeks}/hol:{Holidays.Name}:{string.Join(',', Holidays.Rules)}:{string.Join(',', Holidays.Dates.Select(d => d.Date))}");
}
