using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Forecasting;

/// <summary>Settings of a volume forecasting run; every default is documented and checked by <see cref="Validate"/>.</summary>
public sealed record ForecastOptions
{
    /// <summary>Periods ahead (days for daily series, weeks for weekly), 1 to 90. Default 28.</summary>
    public int Horizon { get; init; } = 28;

    /// <summary>
    /// Rolling backtest origins per series. Default 4; 2 is the least that still measures coverage. When origins are
    /// closer together than the horizon, the backtest adds older ones so that the held-out window is judged by a choice
    /// and calibration that never saw its days (see <c>EngineSettings.BacktestOrigins</c>): 90 days ahead with origins
    /// 35 days apart runs 6.
    /// </summary>
    public int Origins { get; init; } = 4;

    /// <summary>
    /// Periods between two backtest origins; null (the default) takes a third of the horizon rounded up to
    /// whole weeks for daily series, so every weekday is forecast from every origin.
    /// </summary>
    public int? OriginSpacing { get; init; }

    /// <summary>Shortest history a model is fitted to, in periods. Default 56 for daily series (8 weeks), 26 for weekly.</summary>
    public int? MinTrainLength { get; init; }

    /// <summary>Days on which contacts drop; fed to the gradient-boosted model. Default US federal holidays.</summary>
    public HolidaySet Holidays { get; init; } = HolidaySet.UsFederal;

    /// <summary>Include the global gradient-boosted model (and the combination with it). Default true.</summary>
    public bool GradientBoosting { get; init; } = true;

    /// <summary>Seed of the gradient-boosted model. Default 42.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// How much lower (a fraction) a single model's backtest MASE must be than the combination's for a series to
    /// use it instead. Default 0.1.
    /// </summary>
    public double SwitchMargin { get; init; } = 0.1;

    public ForecastOptions Validate()
    {
        if (Horizon is < 1 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(Horizon), Horizon, "forecast horizon must be 1 to 90 periods.");
        }

        if (Origins < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Origins), Origins, "at least one backtest origin is needed.");
        }

        if (OriginSpacing is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(OriginSpacing), OriginSpacing, "origin spacing must be at least 1.");
        }

        if (SwitchMargin is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(SwitchMargin), SwitchMargin, "switch margin must be in [0, 1).");
        }

        return this;
    }

    internal int SpacingFor(SeriesFrequency frequency) => OriginSpacing
        ?? (frequency == SeriesFrequency.Daily ? 7 * (int)Math.Ceiling(Horizon / 3.0 / 7) : Math.Max(1, (int)Math.Ceiling(Horizon / 3.0)));

    internal int MinTrainLengthFor(SeriesFrequency frequency) => MinTrainLength ?? (frequency == SeriesFrequency.Daily ? 56 : 26);
}
