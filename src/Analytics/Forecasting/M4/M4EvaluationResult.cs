namespace SupportLens.Analytics.Forecasting.M4;

/// <summary>sMAPE (percent) and MASE averaged over the evaluated series.</summary>
public sealed record M4Score(double Smape, double Mase);

/// <summary>A candidate's accuracy on the test set had it been used for every series.</summary>
public sealed record M4CandidateScore(double Smape, double Mase, double Owa);

/// <summary>
/// Share of held-out values inside the 80 % and 95 % intervals: on the M4 test set, and on the latest backtest
/// window with intervals calibrated without it. Null when nothing could be measured.
/// </summary>
public sealed record M4Coverage(double? Test80, double? Test95, double? Holdout80, double? Holdout95);

/// <summary>
/// The result of <c>forecast evaluate --m4</c>: our per-series selection scored with the official measures and
/// OWA relative to Naive2, how often each candidate was chosen, and each candidate's own score.
/// </summary>
public sealed record M4EvaluationResult(
    int Series,
    int Horizon,
    double Smape,
    double Mase,
    double Owa,
    M4Score Naive2,
    IReadOnlyDictionary<string, int> Models,
    IReadOnlyDictionary<string, M4CandidateScore> Candidates,
    M4Coverage Coverage);
