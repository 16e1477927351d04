using NodaTime;
using SupportLens.Analytics.Configuration;

namespace SupportLens.Analytics.Health;

/// <summary>
/// One component's raw reading before scoring: the figure and its target for display, what the curve reads, and the
/// evidence behind it; or why it is not measured.
/// </summary>
internal sealed record ComponentReading(
    HealthComponent Component,
    double? Figure,
    double? Target,
    double? CurveInput,
    long Evidence,
    string? NotMeasured)
{
    public static IEnumerable<ComponentReading> Read(ClientHealthInputs inputs, HealthSettings settings, QualityTargets targets)
    {
        var tier = targets.Tiers[inputs.Tier];
        yield return Csat(inputs, settings, tier.CsatPct);
        yield return Nps(inputs, settings, targets.NpsMin);
        yield return Sla(inputs, settings, targets.SlaCompliancePct);
        yield return Rate(HealthComponent.Fcr, inputs.Fcr, settings, tier.FcrPct, "no solved tickets");
        yield return Rate(HealthComponent.Escalations, inputs.Escalations, settings, targets.EscalationRateMaxPct, "no tickets, or no escalation data");
        yield return Rate(HealthComponent.Reopens, inputs.Reopens, settings, null, "no solved tickets, or no reopen data");
        yield return Incidents(inputs, settings);
        yield return Spikes(inputs);
        yield return Renewal(inputs);
    }

    private static ComponentReading Csat(ClientHealthInputs inputs, HealthSettings settings, double target)
    {
        var csat = inputs.Csat;
        if (csat is null || csat.Total < settings.MinimumSurveys)
        {
            return Missing(HealthComponent.Csat, csat?.Total ?? 0, target, $"fewer than {settings.MinimumSurveys} CSAT answers");
        }
        var pct = csat.Percent!.Value;
        return new(HealthComponent.Csat, pct, target, pct - target, csat.Total, null);
    }

    private static ComponentReading Nps(ClientHealthInputs inputs, HealthSettings settings, double target)
    {
        var current = inputs.Nps?.Current;
        if (current is null || current.Responses < settings.MinimumNpsAnswers)
        {
            return Missing(HealthComponent.Nps, current?.Responses ?? 0, target, $"fewer than {settings.MinimumNpsAnswers} NPS answers");
        }
        var nps = current.Score!.Value;
        return new(HealthComponent.Nps, nps, target, nps - target, current.Responses, null);
    }

    private static ComponentReading Sla(ClientHealthInputs inputs, HealthSettings settings, double target)
    {
        var sla = inputs.Sla;
        if (sla is null || sla.Decided < settings.MinimumTickets)
        {
            return Missing(HealthComponent.Sla, sla?.Decided ?? 0, target, $"fewer than {settings.MinimumTickets} decided SLA targets");
        }
        var pct = 100.0 * sla.Achieved / sla.Decided;
        return new(HealthComponent.Sla, pct, target, pct - target, sla.Decided, null);
    }

    private static ComponentReading Rate(
        HealthComponent component, Metrics.Proportion? rate, HealthSettings settings, double? target, string reason)
    {
        if (rate is null || rate.Total < settings.MinimumTickets)
        {
            return Missing(component, rate?.Total ?? 0, target, rate is null ? reason : $"fewer than {settings.MinimumTickets} tickets");
        }
        var pct = rate.Percent!.Value;
        // FCR reads points above its target, escalations points over their ceiling (the curve knows which way is good);
        // reopens have no target and read the rate itself.
        var input = target is { } t ? pct - t : pct;
        return new(component, pct, target, input, rate.Total, null);
    }

    private static ComponentReading Incidents(ClientHealthInputs inputs, HealthSettings settings)
    {
        if (inputs.Incidents is not { } incidents)
        {
            return Missing(HealthComponent.Incidents, 0, null, "no incident data");
        }
        var w = settings.IncidentSeverityPoints;
        var points = (incidents.Severity1 * w[0]) + (incidents.Severity2 * w[1]) + (incidents.Severity3 * w[2]) + (incidents.Severity4 * w[3]);
        return new(HealthComponent.Incidents, points, null, points, incidents.Total, null);
    }

    private static ComponentReading Spikes(ClientHealthInputs inputs)
    {
        if (inputs.VolumeSpikes is not { DaysObserved: > 0 } spikes)
        {
            return Missing(HealthComponent.VolumeSpikes, 0, null, "no spike detection");
        }
        return new(HealthComponent.VolumeSpikes, spikes.SpikeDays, null, spikes.SpikeDays, spikes.DaysObserved, null);
    }

    private static ComponentReading Renewal(ClientHealthInputs inputs)
    {
        if (inputs.NextRenewal is not { } renewal || renewal < inputs.AsOf)
        {
            return Missing(HealthComponent.RenewalProximity, 0, null, "no renewal date ahead");
        }
        var days = Period.Between(inputs.AsOf, renewal, PeriodUnits.Days).Days;
        return new(HealthComponent.RenewalProximity, days, null, days, 1, null);
    }

    private static ComponentReading Missing(HealthComponent component, long evidence, double? target, string reason) =>
        new(component, null, target, null, evidence, reason);
}
