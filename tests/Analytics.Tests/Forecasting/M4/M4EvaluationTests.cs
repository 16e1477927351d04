using SupportLens.Analytics.Forecasting.Accuracy;
using SupportLens.Analytics.Forecasting.M4;
using SupportLens.Analytics.Forecasting.Models;

namespace SupportLens.Analytics.Tests.Forecasting.M4;

public sealed class M4EvaluationTests
{
    private const string Directory = "../shared/data/m4-weekly";

    private static string DataDirectory => Path.Combine(RepositoryRoot(), Directory);

    [Fact]
    public void Naive2_reproduces_the_published_weekly_benchmark()
    {
        // published-benchmarks.csv, Naive2 Weekly: sMAPE 9.161, MASE 2.777 (scored with frequency 1, as the
        // identical Naive and sNaive rows show).
        var data = M4Dataset.Load(DataDirectory);
        Assert.Equal(359, data.Count);
        Assert.All(data, s => Assert.Equal(13, s.Test.Length));
        var naive2 = new Naive2();
        var scores = data.Select(s =>
        {
            var forecast = naive2.Forecast(SeriesHistory.Undated(s.Id, s.Train, M4Evaluation.ScoringFrequency, SupportLens.Analytics.Forecasting.SeriesFrequency.Weekly), 13);
            var scale = ForecastAccuracy.SeasonalNaiveScale(s.Train, M4Evaluation.ScoringFrequency);
            return (Smape: ForecastAccuracy.Smape(s.Test, forecast), Mase: ForecastAccuracy.Mase(s.Test, forecast, scale));
        }).ToArray();
        Assert.Equal(9.161, scores.Average(x => x.Smape), 3);
        Assert.Equal(2.777, scores.Average(x => x.Mase), 3);
    }

    [Fact]
    public void Our_statistical_selection_beats_naive2_on_the_first_twenty_series()
    {
        // The statistical candidates only, to stay fast; the full run with the gradient-boosted model is the verb's.
        var result = new M4Evaluation(new M4EvaluationOptions { MaxSeries = 20, GradientBoosting = false }).Evaluate(DataDirectory);
        Assert.Equal(20, result.Series);
        Assert.Equal(13, result.Horizon);
        Assert.Equal(20, result.Models.Values.Sum());
        Assert.True(result.Owa < 0.9, $"OWA {result.Owa}");
        Assert.Equal(1.0, result.Candidates["naive"].Owa, 12);
        Assert.InRange(result.Coverage.Test95!.Value, 0.8, 1.0);
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SupportLens.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Repository root (SupportLens.slnx) not found.");
    }
}
