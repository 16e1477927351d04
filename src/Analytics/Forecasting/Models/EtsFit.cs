namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>
/// An additive-error exponential smoothing model fitted by maximum likelihood: the smoothing parameters and the
/// initial level and trend are chosen by Nelder–Mead to minimise n·ln(SSE/n), the Gaussian likelihood with the
/// variance concentrated out. The initial season comes from a classical decomposition of the first seasons.
/// </summary>
internal sealed class EtsFit
{
    private const double Floor = 1e-4;

    private readonly double[] _season;
    private readonly double _level;
    private readonly double _trend;
    private readonly int _length;

    private EtsFit(EtsSpecification specification, EtsParameters parameters, EtsState final, int length, double sse, int parameterCount)
    {
        Specification = specification;
        Parameters = parameters;
        _level = final.Level;
        _trend = final.Trend;
        _season = final.Season;
        _length = length;
        Sse = sse;
        ParameterCount = parameterCount;
        Aicc = length - parameterCount - 1 > 0
            ? length * Math.Log(Math.Max(sse, 1e-300) / length) + 2.0 * parameterCount
              + 2.0 * parameterCount * (parameterCount + 1) / (length - parameterCount - 1)
            : double.PositiveInfinity;
    }

    public EtsSpecification Specification { get; }

    public EtsParameters Parameters { get; }

    public double Sse { get; }

    /// <summary>Smoothing parameters, initial states and the error variance, as AICc counts them.</summary>
    public int ParameterCount { get; }

    public double Aicc { get; }

    /// <summary>Fits one specification; null when the series is too short for it.</summary>
    public static EtsFit? Fit(double[] y, EtsSpecification specification, int seasonLength)
    {
        var m = specification.Seasonal ? seasonLength : 1;
        if (specification.Seasonal && (m < 2 || y.Length < 2 * m + 2))
        {
            return null;
        }

        var parameterCount = 1 + (specification.HasTrend ? 2 : 0) + (specification.Trend == EtsTrend.Damped ? 1 : 0)
            + (specification.Seasonal ? m : 0) + 1 + 1;
        if (y.Length <= parameterCount + 1)
        {
            return null;
        }

        var initial = EtsState.Initial(y, specification, m);
        var scale = Math.Max(1e-8, y.Average(Math.Abs));
        var start = new List<double> { Minimiser.Logit(0.2) };
        if (specification.HasTrend)
        {
            start.Add(Minimiser.Logit(0.1));
        }

        if (specification.Seasonal)
        {
            start.Add(Minimiser.Logit(0.05));
        }

        if (specification.Trend == EtsTrend.Damped)
        {
            start.Add(Minimiser.Logit(0.5));
        }

        start.Add(0);
        if (specification.HasTrend)
        {
            start.Add(0);
        }

        var (point, _) = Minimiser.Minimise(
            p => SumOfSquaredErrors(y, Decode(p, specification, initial, scale, m), out _),
            start.ToArray(),
            step: 0.5,
            maxIterations: 600);
        var (parameters, state) = Decode(point, specification, initial, scale, m);
        var sse = SumOfSquaredErrors(y, (parameters, state), out var final);
        return new EtsFit(specification, parameters, final, y.Length, sse, parameterCount);
    }

    public double[] Forecast(int horizon)
    {
        var forecast = new double[horizon];
        var phi = Parameters.Phi;
        double damping = 0;
        var power = 1.0;
        for (var h = 1; h <= horizon; h++)
        {
            power *= phi;
            damping += power;
            var seasonal = _season.Length > 1 ? _season[(_length + h - 1) % _season.Length] : 0;
            forecast[h - 1] = _level + (Specification.HasTrend ? damping * _trend : 0) + seasonal;
        }

        return forecast;
    }

    // Unconstrained optimiser coordinates -> the usual region: 0 < β < α < 1, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98;
    // initial level and trend move around their heuristic values in units of the series' mean size.
    private static (EtsParameters, EtsState) Decode(double[] p, EtsSpecification specification, EtsState initial, double scale, int m)
    {
        var i = 0;
        var alpha = Floor + (1 - 2 * Floor) * Minimiser.Logistic(p[i++]);
        var beta = specification.HasTrend ? Floor + (alpha - Floor) * Minimiser.Logistic(p[i++]) : 0;
        var gamma = specification.Seasonal ? Floor + (1 - alpha - Floor) * Minimiser.Logistic(p[i++]) : 0;
        var phi = specification.Trend switch
        {
            EtsTrend.Damped => 0.8 + 0.18 * Minimiser.Logistic(p[i++]),
            _ => 1.0,
        };
        var level = initial.Level + scale * p[i++];
        var trend = specification.HasTrend ? initial.Trend + 0.1 * scale * p[i] : 0;
        return (new EtsParameters(alpha, beta, gamma, phi), initial with { Level = level, Trend = trend, Season = initial.Season });
    }

    private static double SumOfSquaredErrors(double[] y, (EtsParameters Parameters, EtsState State) model, out EtsState final)
    {
        var (alpha, beta, gamma, phi) = model.Parameters;
        var level = model.State.Level;
        var trend = model.State.Trend;
        var season = (double[])model.State.Season.Clone();
        var m = season.Length;
        double sse = 0;
        var position = 0;
        for (var t = 0; t < y.Length; t++)
        {
            var previous = level + phi * trend;
            var error = y[t] - previous - season[position];
            sse += error * error;
            level = previous + alpha * error;
            trend = phi * trend + beta * error;
            season[position] += gamma * error;
            position = position + 1 == m ? 0 : position + 1;
        }

        final = new EtsState(level, trend, season);
        return sse;
    }
}

internal sealed record EtsParameters(double Alpha, double Beta, double Gamma, double Phi);
