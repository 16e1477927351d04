using NodaTime;

namespace SupportLens.SampleData.Incidents;

internal sealed record Check(PlatformComponent Component, Instant CheckedAt, bool Ok, double? LatencyMs);

/// <summary>
/// Synthetic checks per component: hourly, and every five minutes while a severity 1–2 incident is open on the component (as
/// monitors confirm and follow an outage), so availability should be weighted by the time each check stands for.
/// Checks fail while a severity 1–2 incident has the component down; latency rises with daily load and while degraded.
/// </summary>
internal static class MonitoringModel
{
    internal static IEnumerable<Check> Create(IReadOnlyList<SampleIncident> incidents, HistoryWindow window, Prng rng)
    {
        foreach (var component in IncidentModel.Components)
        {
            var open = incidents.Where(i => i.Component == component).ToList();
            var t = window.Start;
            while (t < window.End)
            {
                var incident = open.FirstOrDefault(i => t >= i.Started && t < i.Resolved);
                var down = incident is not null && t < incident.DownUntil;
                var degraded = incident is not null && !down;
                var utcHour = t.InUtc().Hour;
                // Platform load follows the North American working day (most clients): 14–23 UTC.
                var load = utcHour is >= 14 and <= 23 ? 1.25 : utcHour is >= 7 and < 14 ? 1.05 : 0.9;
                var latency = rng.LogNormal(component.MedianLatencyMs * load, 0.28);
                if (degraded)
                {
                    latency *= incident!.Severity <= 2 ? rng.Uniform(2.5, 5) : rng.Uniform(1.5, 3);
                }
                // A rare blip without an incident: one failed probe, nobody declared anything.
                var blip = !down && rng.Chance(0.0004);
                var ok = !down && !blip && !(degraded && incident!.Severity <= 3 && rng.Chance(0.1));
                yield return new Check(component, t, ok, ok ? Math.Round(latency) : null);

                var step = incident is { Severity: <= 2 } ? Duration.FromMinutes(5) : Duration.FromHours(1);
                var next = t + step;
                // Leave the five-minute cadence back on the hour.
                if (step == Duration.FromHours(1) && next.ToUnixTimeSeconds() % 3600 != 0)
                {
                    next = Instant.FromUnixTimeSeconds(next.ToUnixTimeSeconds() / 3600 * 3600);
                }
                // Start following an incident as soon as it begins, not at the next hourly probe.
                var starting = open.FirstOrDefault(i => i.Severity <= 2 && i.Started > t && i.Started < next);
                if (starting is not null)
                {
                    next = Instant.FromUnixTimeSeconds((starting.Started.ToUnixTimeSeconds() + 299) / 300 * 300);
                }
                t = next;
            }
        }
    }
}
