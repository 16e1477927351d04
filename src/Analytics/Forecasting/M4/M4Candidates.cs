using SupportLens.Analytics.Forecasting.Models;

namespace SupportLens.Analytics.Forecasting.M4;

/// <summary>The models and combinations the M4 run backtests and chooses between.</summary>
internal static class M4Candidates
{
    public static IReadOnlyList<ForecastModel> Models(M4EvaluationOptions options)
    {
        var models = new List<ForecastModel>
        {
            SeasonalNaive.Naive,
            new SeasonalNaive(),
            new ExponentialSmoothing(),
            new Theta(),
        };
        if (options.GradientBoosting)
        {
            models.Add(new GradientBoostedForecaster(options.Seed, maxRowsPerSeries: 260, iterations: 300, learningRate: 0.05));
        }

        return models;
    }

    /// <summary>The combination of every model that is not a naive baseline.</summary>
    public static string Default(IReadOnlyList<ForecastModel> models) =>
        models.Any(m => m.Name == GradientBoostedForecaster.ModelName) ? "comb-ets-theta-gbm" : "comb-ets-theta";

    public static IReadOnlyList<Combination> Combinations(IReadOnlyList<ForecastModel> models)
    {
        var names = models.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var combinations = new List<Combination>
        {
            new("comb-ets-theta", CombinationRule.Mean, [ExponentialSmoothing.ModelName, Theta.ModelName]),
            new("comb-ets-theta-gbm", CombinationRule.Mean, [ExponentialSmoothing.ModelName, Theta.ModelName, GradientBoostedForecaster.ModelName]),
        };
        return combinations.Where(c => c.Members.All(names.Contains)).ToArray();
    }
}
