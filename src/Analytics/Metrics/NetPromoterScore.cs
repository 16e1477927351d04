namespace SupportLens.Analytics.Metrics;

/// <summary>
/// NPS = % promoters (9-10) − % detractors (0-6), from −100 to 100, with the 95 % margin of error of DESIGN.md §4:
/// var = p⁺ + p⁻ − (p⁺ − p⁻)², MoE = 1.96·√(var/n), in points.
/// </summary>
public sealed record NetPromoterScore(long Promoters, long Passives, long Detractors)
{
    public long Responses => Promoters + Passives + Detractors;

    public double? Score => Responses == 0 ? null : 100.0 * (Promoters - Detractors) / Responses;

    public double? MarginOfError
    {
        get
        {
            if (Responses == 0)
            {
                return null;
            }
            double n = Responses;
            var promoters = Promoters / n;
            var detractors = Detractors / n;
            var variance = promoters + detractors - Math.Pow(promoters - detractors, 2);
            return 100.0 * 1.96 * Math.Sqrt(variance / n);
        }
    }
}
