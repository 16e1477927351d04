namespace SupportLens.Analytics.Forecasting.M4;

/// <summary>Settings of an M4 evaluation run.</summary>
public sealed record M4EvaluationOptions
{
    /// <summary>Rolling backtest origins per series (13 weeks apart). Default 3.</summary>
    public int Origins { get; init; } = 3;

    /// <summary>Evaluate only the first N series (a quick run); null for all 359.</summary>
    public int? MaxSeries { get; init; }

    /// <summary>Include the global gradient-boosted model. Default true.</summary>
    public bool GradientBoosting { get; init; } = true;

    /// <summary>Seed of the gradient-boosted model. Default 42.</summary>
    public int Seed { get; init; } = 42;
}
