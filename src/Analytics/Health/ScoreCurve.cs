using System.Collections.Immutable;

namespace SupportLens.Analytics.Health;

/// <summary>One corner of a <see cref="ScoreCurve"/>: at this figure the component scores this much.</summary>
public sealed record CurvePoint(double Figure, double Score);

/// <summary>
/// Turns a raw figure (CSAT points against target, severity points, days to renewal…) into a 0–100 component score:
/// straight lines between the points, flat beyond the first and the last. Points are in increasing order of figure.
/// </summary>
public sealed record ScoreCurve(ImmutableArray<CurvePoint> Points)
{
    public static ScoreCurve Of(params (double Figure, double Score)[] points) =>
        new([.. points.Select(p => new CurvePoint(p.Figure, p.Score))]);

    public double Evaluate(double figure)
    {
        var points = Points;
        if (figure <= points[0].Figure)
        {
            return points[0].Score;
        }
        for (var i = 1; i < points.Length; i++)
        {
            if (figure <= points[i].Figure)
            {
                var (left, right) = (points[i - 1], points[i]);
                var share = (figure - left.Figure) / (right.Figure - left.Figure);
                return left.Score + (share * (right.Score - left.Score));
            }
        }
        return points[^1].Score;
    }

    /// <summary>What is wrong with this curve, each problem prefixed with <paramref name="path"/>; empty when it is usable.</summary>
    public IEnumerable<string> Problems(string path)
    {
        if (Points.IsDefaultOrEmpty)
        {
            yield return $"{path}: needs at least one point";
            yield break;
        }
        for (var i = 0; i < Points.Length; i++)
        {
            var p = Points[i];
            if (!double.IsFinite(p.Figure) || !double.IsFinite(p.Score) || p.Score is < 0 or > 100)
            {
                yield return $"{path}[{i}]: figure must be a number and score between 0 and 100";
            }
            if (i > 0 && p.Figure <= Points[i - 1].Figure)
            {
                yield return $"{path}[{i}]: figures must increase from one point to the next";
            }
        }
    }
}
