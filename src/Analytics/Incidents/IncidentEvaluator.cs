using NodaTime;

namespace SupportLens.Analytics.Incidents;

/// <summary>
/// Measures an incident against its severity's targets on the wall clock (incidents are 24×7 whatever the tier).
/// Events after the as-of instant count as not yet happened.
/// </summary>
public sealed class IncidentEvaluator(IncidentTargetSet targets)
{
    public IncidentTargetSet Targets { get; } = targets;

    /// <summary>As of the current instant of <paramref name="time"/>.</summary>
    public IncidentEvaluation Evaluate(Incident incident, TimeProvider time) =>
        Evaluate(incident, Instant.FromDateTimeOffset(time.GetUtcNow()));

    public IncidentEvaluation Evaluate(Incident incident, Instant asOf)
    {
        var t = Targets.For(incident.Severity);
        return new IncidentEvaluation(
            Measure(incident.StartedAt, t.InitialResponse, incident.AcknowledgedAt, asOf),
            Measure(incident.StartedAt, t.ClientCommunication, incident.FirstUpdateAt, asOf),
            Measure(incident.StartedAt, t.Resolution, incident.ResolvedAt, asOf));
    }

    private static IncidentTargetOutcome Measure(Instant start, Duration? target, Instant? doneAt, Instant asOf)
    {
        if (target is not { } limit)
        {
            return new IncidentTargetOutcome(IncidentTargetStatus.NotApplicable, null, null, Took(start, doneAt, asOf));
        }

        var deadline = start + limit;
        if (doneAt is { } done && done <= asOf)
        {
            var status = done <= deadline ? IncidentTargetStatus.Met : IncidentTargetStatus.Missed;
            return new IncidentTargetOutcome(status, limit, deadline, Took(start, done, asOf));
        }

        return new IncidentTargetOutcome(
            asOf <= deadline ? IncidentTargetStatus.Open : IncidentTargetStatus.Missed, limit, deadline, null);
    }

    private static Duration? Took(Instant start, Instant? doneAt, Instant asOf) =>
        doneAt is { } done && done <= asOf ? (done > start ? done - start : Duration.Zero) : null;
}
