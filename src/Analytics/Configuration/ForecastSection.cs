using System.Collections.Immutable;
using SupportLens.Analytics.Forecasting;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Configuration;

/// <summary>The optional <c>forecast</c> section; every key optional (README "Configuration").</summary>
internal sealed class ForecastDocument
{
    public int? HorizonDays { get; set; }

    public int? BacktestOrigins { get; set; }

    public bool? GradientBoosting { get; set; }

    /// <summary>Names of holiday sets (keys of <c>holidays</c>); their union is what the models know.</summary>
    public List<string>? Holidays { get; set; }

    public double? SpikeThreshold { get; set; }

    public int? SpikeWindowWeeks { get; set; }

    public static ForecastDocument Defaults() => new()
    {
        HorizonDays = ForecastSettings.Default.HorizonDays,
        BacktestOrigins = ForecastSettings.Default.BacktestOrigins,
        GradientBoosting = ForecastSettings.Default.GradientBoosting,
        Holidays = ["us"],
        SpikeThreshold = ForecastSettings.Default.SpikeThreshold,
        SpikeWindowWeeks = ForecastSettings.Default.SpikeWindowWeeks,
    };
}

internal sealed partial class SettingsBinder
{
    private ForecastSettings? BindForecast(string path, ForecastDocument? doc, ImmutableDictionary<string, HolidaySet> holidaySets)
    {
        if (doc is null)
        {
            return ForecastSettings.Default;
        }

        var defaults = ForecastSettings.Default;
        var horizon = WholeNumber($"{path}.horizon_days", doc.HorizonDays, defaults.HorizonDays, 1, 90);
        var origins = WholeNumber($"{path}.backtest_origins", doc.BacktestOrigins, defaults.BacktestOrigins, 2, 12);
        var threshold = doc.SpikeThreshold is { } t ? Number($"{path}.spike_threshold", t, 1, 20) : defaults.SpikeThreshold;
        var window = WholeNumber($"{path}.spike_window_weeks", doc.SpikeWindowWeeks, defaults.SpikeWindowWeeks, 2, 26);
        var holidays = defaults.Holidays;
        if (doc.Holidays is { } names)
        {
            var sets = new List<HolidaySet>();
            for (var i = 0; i < names.Count; i++)
            {
                if (holidaySets.TryGetValue(names[i], out var set))
                {
                    sets.Add(set);
                }
                else
                {
                    var defined = holidaySets.Count > 0 ? string.Join(", ", holidaySets.Keys.Order(StringComparer.Ordinal)) : "none";
                    Error($"{path}.holidays[{i}]", $"unknown holiday set \"{names[i]}\"; defined: {defined}");
                }
            }

            holidays = Union(sets);
        }

        if (horizon is null || origins is null || threshold is null || window is null)
        {
            return null;
        }

        return new ForecastSettings
        {
            HorizonDays = horizon.Value,
            BacktestOrigins = origins.Value,
            GradientBoosting = doc.GradientBoosting ?? defaults.GradientBoosting,
            Holidays = holidays,
            SpikeThreshold = threshold.Value,
            SpikeWindowWeeks = window.Value,
        };
    }

    /// <summary>An optional whole number: the default when absent, an error when outside its range.</summary>
    private int? WholeNumber(string path, int? value, int fallback, int min, int max)
    {
        if (value is not { } v)
        {
            return fallback;
        }

        if (v < min || v > max)
        {
            Error(path, $"{v} is outside {min}..{max}");
            return null;
        }

        return v;
    }
}
