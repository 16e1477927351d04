using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace SupportLens.Analytics.Forecasting.Models;

/// <summary>
/// Nelder–Mead (MathNet.Numerics) over unconstrained parameters. The best point seen is kept, because the
/// library throws away its simplex when it runs out of iterations and a nearly converged fit is still useful.
/// </summary>
internal static class Minimiser
{
    public static (double[] Point, double Value) Minimise(Func<double[], double> objective, double[] start, double step, int maxIterations = 1000)
    {
        var best = (Point: start, Value: double.PositiveInfinity);
        var function = ObjectiveFunction.Value(v =>
        {
            var point = v.ToArray();
            var value = objective(point);
            if (double.IsNaN(value))
            {
                value = double.MaxValue;
            }

            if (value < best.Value)
            {
                best = (point, value);
            }

            return value;
        });

        try
        {
            var simplex = new NelderMeadSimplex(1e-6, maxIterations);
            var perturbation = Vector<double>.Build.Dense(start.Length, step);
            simplex.FindMinimum(function, Vector<double>.Build.DenseOfArray(start), perturbation);
        }
        catch (MaximumIterationsException)
        {
            // The best point seen so far stands.
        }

        return best;
    }

    public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    public static double Logit(double p) => Math.Log(p / (1 - p));
}
