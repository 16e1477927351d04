namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>
/// A forecasting method. Batch-shaped because the gradient-boosted model learns across all series at once;
/// models that look at one series at a time derive from <see cref="LocalForecastModel"/>.
/// </summary>
internal abstract class ForecastModel
{
    public abstract string Name { get; }

    /// <summary>Point forecasts, <paramref name="horizon"/> steps past the end of each history, in input order.</summary>
    public abstract double[][] Forecast(IReadOnlyList<SeriesHistory> histories, int horizon);
}

/// <summary>A model fitted to each series on its own; series are forecast in parallel, results stay in input order.</summary>
internal abstract class LocalForecastModel : ForecastModel
{
    public abstract double[] Forecast(SeriesHistory history, int horizon);

    public override double[][] Forecast(IReadOnlyList<SeriesHistory> histories, int horizon)
    {
        var result = new double[histories.Count][];
        Parallel.For(0, histories.Count, i => result[i] = Forecast(histories[i], horizon));
        return result;
    }
}
