using NodaTime;
using SupportLens.SampleData.Clients;

namespace SupportLens.SampleData.Incidents;

/// <summary>A monitored part of the platform; incidents and checks are per component.</summary>
internal sealed record PlatformComponent(string Code, string Name, string StatuspageId, string Description, double MedianLatencyMs);

/// <summary>
/// One incident (generic `incidents` fields of DESIGN.md §3). <see cref="DownFraction"/> is the share of its duration
/// the component was down (failing checks); the rest of it the component was degraded (slow checks).
/// </summary>
internal sealed record SampleIncident(
    string Id,
    string StatuspageId,
    int Severity,
    string Title,
    PlatformComponent Component,
    Instant Started,
    Instant Acknowledged,
    Instant FirstUpdate,
    Instant Resolved,
    bool AffectsAll,
    IReadOnlyList<string> AffectedClients,
    double DownFraction)
{
    internal Instant DownUntil => Started + Duration.FromSeconds(Math.Round((Resolved - Started).TotalSeconds * DownFraction));

    internal bool Hits(string clientId) => AffectsAll || AffectedClients.Contains(clientId);
}

/// <summary>
/// Incidents of severity 1–4 against the plan's incident targets (DESIGN.md §4, from <see cref="SupportPlan"/>):
/// acknowledge in 15 min / 1 h / 4 h / 24 h, communicate in 45 min / 4 h / 12 h, resolve in 4 h / 12 h / 48 h / 1 week.
/// Times are drawn around half the target with a long tail, so some incidents miss their targets as real ones do.
/// </summary>
internal static class IncidentModel
{
    internal static readonly IReadOnlyList<PlatformComponent> Components =
    [
        new("voice-agents", "Voice Agents", "v01c3ag3nts0", "AI voice agents answering and placing calls", 180),
        new("call-routing", "Call Routing", "ca11r0ut1ng0", "Inbound call routing and transfers to human agents", 90),
        new("crm-sync", "CRM Sync", "crm5ync0000a", "Lead and contact sync with real-estate CRMs", 320),
        new("dashboard", "Dashboard", "da5hb0ard000", "Web dashboard, reporting and configuration", 140),
        new("public-api", "Public API", "pub11cap1000", "REST API and webhooks", 110),
    ];

    internal static Duration AcknowledgeTarget(int severity) => SupportPlan.Incident(severity).InitialResponse;

    internal static Duration? CommunicationTarget(int severity) => SupportPlan.Incident(severity).ClientCommunication;

    internal static Duration ResolutionTarget(int severity) => SupportPlan.Incident(severity).Resolution;

    private static readonly Dictionary<string, string[]> Titles = new(StringComparer.Ordinal)
    {
        ["voice-agents"] = ["Voice agents not answering calls", "Elevated call drop rate for voice agents", "Voice agent responses delayed", "Degraded speech recognition accuracy"],
        ["call-routing"] = ["Inbound calls failing to route", "Transfers to human agents failing", "Delayed call routing in some regions", "Caller ID missing on routed calls"],
        ["crm-sync"] = ["CRM sync stalled", "Leads not syncing to CRM", "Duplicate contacts created by CRM sync", "Delayed CRM sync for some integrations"],
        ["dashboard"] = ["Dashboard unavailable", "Dashboard reports loading slowly", "Errors saving agent configuration", "Call recordings not loading in dashboard"],
        ["public-api"] = ["Public API returning errors", "Elevated API latency", "Webhook deliveries delayed", "Intermittent API authentication failures"],
    };

    internal static IReadOnlyList<SampleIncident> Create(IReadOnlyList<SampleClient> clients, HistoryWindow window, Prng rng)
    {
        var months = window.Hours / 730.0;
        var drafts = new List<(int Severity, Instant Started, IReadOnlyList<string>? Forced)>();
        foreach (var (severity, per18Months) in new[] { (1, 3), (2, 9), (3, 20), (4, 30) })
        {
            var count = (int)Math.Round(per18Months * months / 18.0);
            for (var i = 0; i < count; i++)
            {
                drafts.Add((severity, StartTime(window.Start, window.End, rng), null));
            }
        }

        // The stories: an enterprise client burned by a run of incidents before it leaves, and a noisy client on
        // the components that break most, which stays.
        foreach (var client in clients)
        {
            if (client.Story.Pattern == ChurnStories.IncidentBurned && client.Story.WorseFrom is { } from && client.Story.WorstAt is { } to)
            {
                foreach (var severity in new[] { 2, 2, 3, 2 })
                {
                    drafts.Add((severity, StartTime(from, to - Duration.FromDays(3), rng), [client.Id]));
                }
            }
            else if (client.Story.Pattern == ChurnStories.IncidentMagnet)
            {
                foreach (var severity in new[] { 3, 3, 2, 3, 4, 3 })
                {
                    drafts.Add((severity, StartTime(window.Start, window.End - Duration.FromDays(7), rng), [client.Id]));
                }
            }
        }

        drafts.Sort((a, b) => a.Started.CompareTo(b.Started));
        var incidents = new List<SampleIncident>(drafts.Count);
        foreach (var (severity, started, forced) in drafts)
        {
            var component = rng.Pick(Components);
            var ack = started + Scaled(AcknowledgeTarget(severity), 0.45, 0.7, rng);
            var update = ack + Scaled(CommunicationTarget(severity) ?? Duration.FromHours(24), 0.3, 0.7, rng);
            var resolved = started + Scaled(ResolutionTarget(severity), 0.35, 0.75, rng);
            if (resolved < update)
            {
                resolved = update + Duration.FromMinutes(rng.Next(5, 40));
            }
            var active = clients.Where(c => c.IsActive(started)).Select(c => c.Id).ToList();
            var (all, hit) = Affected(severity, active, forced, rng);
            incidents.Add(new SampleIncident(
                Id: $"INC-{incidents.Count + 1:D3}",
                StatuspageId: rng.Base36(12),
                Severity: severity,
                Title: rng.Pick(Titles[component.Code]),
                Component: component,
                Started: started,
                Acknowledged: ack,
                FirstUpdate: update,
                Resolved: resolved,
                AffectsAll: all,
                AffectedClients: hit,
                DownFraction: severity switch { 1 => rng.Uniform(0.5, 0.9), 2 => rng.Uniform(0.1, 0.4), _ => 0.0 }));
        }
        return incidents;
    }

    private static (bool All, IReadOnlyList<string> Hit) Affected(int severity, List<string> active, IReadOnlyList<string>? forced, Prng rng)
    {
        if (severity == 1 || (severity == 2 && forced is null && rng.Chance(0.35)))
        {
            return (true, []);
        }
        var share = severity switch { 2 => rng.Uniform(0.25, 0.6), 3 => rng.Uniform(0.05, 0.2), _ => rng.Uniform(0.02, 0.08) };
        var hit = new SortedSet<string>(forced ?? [], StringComparer.Ordinal);
        var want = Math.Max(hit.Count + 1, (int)Math.Round(share * active.Count));
        var pool = active.ToList();
        ClientRoster.Shuffle(pool, rng);
        foreach (var id in pool)
        {
            if (hit.Count >= want)
            {
                break;
            }
            hit.Add(id);
        }
        return (false, hit.ToList());
    }

    /// <summary>Most incidents start while changes ship, in US working hours; some at any time.</summary>
    private static Instant StartTime(Instant from, Instant to, Prng rng)
    {
        var t = from + Duration.FromSeconds((long)(rng.NextDouble() * (to - from).TotalSeconds));
        if (rng.Chance(0.6))
        {
            var utc = t.InUtc();
            var hour = rng.Next(14, 23);
            t = utc.Date.AtMidnight().InUtc().ToInstant() + Duration.FromHours(hour) + Duration.FromMinutes(rng.Next(60));
            if (t >= to)
            {
                t = to - Duration.FromHours(1);
            }
        }
        return Instant.FromUnixTimeSeconds(t.ToUnixTimeSeconds());
    }

    private static Duration Scaled(Duration target, double medianShare, double sigma, Prng rng) =>
        Duration.FromSeconds(Math.Max(60, Math.Round(rng.LogNormal(target.TotalSeconds * medianShare, sigma))));
}
