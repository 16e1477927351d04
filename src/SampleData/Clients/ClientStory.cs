using NodaTime;

namespace SupportLens.SampleData.Clients;

internal enum StoryKind
{
    Steady,
    Churn,
    Noisy,
}

/// <summary>
/// What happens to one client over the history. A churning client deteriorates from <see cref="WorseFrom"/> until it
/// leaves; a noisy client looks bad all along but stays. Each factor is the effect at full strength; <see cref="Intensity"/>
/// ramps it in, so the decline shows in the months before churn and not before.
/// </summary>
internal sealed record ClientStory(
    StoryKind Kind,
    string Pattern,
    string Narrative,
    Instant? WorseFrom = null,
    Instant? WorstAt = null,
    double Volume = 1.0,
    double CsatPenalty = 0.0,
    double Delay = 1.0,
    double EscalationBoost = 0.0,
    double ReopenBoost = 0.0,
    double UrgentBoost = 0.0,
    double NpsPenalty = 0.0,
    double SurveyResponse = 1.0,
    bool Sudden = false)
{
    internal static readonly ClientStory Steady = new(StoryKind.Steady, "steady", "");

    internal double Intensity(Instant t)
    {
        if (Kind == StoryKind.Noisy)
        {
            return 1.0;
        }
        if (WorseFrom is not { } from || WorstAt is not { } worst || t < from)
        {
            return 0.0;
        }
        if (Sudden || t >= worst)
        {
            return 1.0;
        }
        return (t - from).TotalHours / (worst - from).TotalHours;
    }

    internal double At(Instant t, double fullEffect, double neutral) => neutral + (fullEffect - neutral) * Intensity(t);
}
