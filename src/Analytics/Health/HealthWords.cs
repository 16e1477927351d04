using System.Globalization;
using NodaTime.Text;

namespace SupportLens.Analytics.Health;

/// <summary>
/// What a component's reading means, in the words a success manager uses in a call: counts, the window, and the
/// target, e.g. "3 SLA breaches on urgent tickets in the last 30 days".
/// </summary>
internal static class HealthWords
{
    /// <summary>The sentence for a measured component; null when it is not measured.</summary>
    public static string? Describe(ComponentReading reading, ClientHealthInputs inputs, HealthSettings settings)
    {
        if (reading.Figure is not { } figure)
        {
            return null;
        }
        var surveys = $"in the last {settings.SurveyWindowDays} days";
        var tickets = $"in the last {settings.TicketWindowDays} days";
        switch (reading.Component)
        {
            case HealthComponent.Csat:
                return $"CSAT {Pct(figure)} on {Count(reading.Evidence, "survey")} {surveys}, target {Pct(reading.Target!.Value)}";
            case HealthComponent.Nps:
                var previous = inputs.Nps!.Previous;
                if (previous is { Score: { } before } && previous.Responses >= settings.MinimumNpsAnswers && before > figure)
                {
                    return $"NPS fell from {Number(before)} to {Number(figure)} {surveys} ({Count(reading.Evidence, "answer")}, " +
                        $"target {Number(reading.Target!.Value)})";
                }
                return $"NPS {Number(figure)} on {Count(reading.Evidence, "answer")} {surveys}, target {Number(reading.Target!.Value)}";
            case HealthComponent.Sla:
                var sla = inputs.Sla!;
                var met = $"{Pct(figure)} of {Count(sla.Decided, "target")} met, target {Pct(reading.Target!.Value)}";
                return sla.BreachedUrgent > 0
                    ? $"{Count(sla.BreachedUrgent, "SLA breach", "SLA breaches")} on urgent tickets {tickets} ({sla.Breached} in all; {met})"
                    : $"{Count(sla.Breached, "SLA breach", "SLA breaches")} {tickets} ({met})";
            case HealthComponent.Fcr:
                var fcr = inputs.Fcr!;
                return $"{fcr.Successes} of {Count(fcr.Total, "solved ticket")} resolved at first contact {tickets} " +
                    $"({Pct(figure)}, target {Pct(reading.Target!.Value)})";
            case HealthComponent.Escalations:
                var escalated = inputs.Escalations!;
                return $"{escalated.Successes} of {Count(escalated.Total, "ticket")} escalated {tickets} " +
                    $"({Pct(figure)}, ceiling {Pct(reading.Target!.Value)})";
            case HealthComponent.Reopens:
                var reopened = inputs.Reopens!;
                return $"{reopened.Successes} of {Count(reopened.Total, "solved ticket")} reopened {tickets} ({Pct(figure)})";
            case HealthComponent.Incidents:
                var incidents = inputs.Incidents!;
                var bySeverity = new[] { incidents.Severity1, incidents.Severity2, incidents.Severity3, incidents.Severity4 }
                    .Select((n, i) => (n, severity: i + 1))
                    .Where(x => x.n > 0)
                    .Select(x => $"{x.n} of severity {x.severity}");
                return incidents.Total == 0
                    ? $"No incidents in the last {settings.IncidentWindowDays} days"
                    : $"Hit by {Count(incidents.Total, "incident")} in the last {settings.IncidentWindowDays} days ({string.Join(", ", bySeverity)})";
            case HealthComponent.VolumeSpikes:
                var spikes = inputs.VolumeSpikes!;
                return $"Ticket volume spiked on {spikes.SpikeDays} of the last {Count(spikes.DaysObserved, "day")}";
            case HealthComponent.RenewalProximity:
                var date = LocalDatePattern.Iso.Format(inputs.NextRenewal!.Value);
                return figure == 0 ? $"Renewal today ({date})" : $"Renewal in {Count((long)figure, "day")} ({date})";
            default:
                throw new ArgumentOutOfRangeException(nameof(reading), reading.Component, null);
        }
    }

    /// <summary>A percentage with at most one decimal: "78.3 %", "95 %".</summary>
    public static string Pct(double value) => Number(value) + " %";

    /// <summary>A number with at most one decimal, negative with a true minus sign: "−10".</summary>
    public static string Number(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString("0.#", CultureInfo.InvariantCulture);
        return rounded < 0 ? "\u2212" + text : text;
    }

    public static string Count(long n, string singular, string? plural = null) =>
        n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? singular : plural ?? singular + "s");
}
