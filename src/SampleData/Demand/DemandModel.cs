using NodaTime;
using SupportLens.SampleData.Clients;
using SupportLens.SampleData.Incidents;

namespace SupportLens.SampleData.Demand;

/// <summary>
/// A product launch: a surge of how-to and integration tickets that decays over two weeks, and for a launch that widens
/// what clients use, a lasting rise in volume (<see cref="LastingLift"/>, reached over the two weeks after the launch)
/// that forecasts must read as a new level, not as a spike.
/// </summary>
internal sealed record ProductLaunch(string Name, LocalDate Day, double LastingLift = 0);

/// <summary>
/// Expected tickets per client and hour. Volume grows with the client's size and over time, follows its working week
/// and day in its own time zone (quiet nights, weekends and public holidays), and jumps at product launches,
/// incidents that hit the client, onboarding and the client's own story.
/// </summary>
internal sealed class DemandModel
{
    // Local hour of day, mean 1: brokerages call in business hours, with a lunch dip.
    private static readonly double[] Intraday = Normalise(
    [
        0.10, 0.07, 0.05, 0.05, 0.07, 0.15, 0.35, 0.80, 1.50, 2.05, 2.15, 2.00,
        1.65, 1.90, 2.00, 1.90, 1.70, 1.30, 0.80, 0.50, 0.40, 0.30, 0.20, 0.14,
    ]);

    // Monday..Sunday, mean 1: Monday backlog from the weekend, quiet weekends.
    private static readonly double[] Weekly = Normalise([1.28, 1.22, 1.16, 1.10, 0.98, 0.15, 0.11]);

    private readonly IReadOnlyList<SampleClient> _clients;
    private readonly HistoryWindow _window;
    private readonly Dictionary<string, List<SampleIncident>> _incidentsByClient;
    private readonly double[] _growth;

    internal DemandModel(IReadOnlyList<SampleClient> clients, IReadOnlyList<SampleIncident> incidents, HistoryWindow window, Prng rng)
    {
        _clients = clients;
        _window = window;
        _incidentsByClient = clients.ToDictionary(
            c => c.Id,
            c => incidents.Where(i => i.Hits(c.Id)).ToList(),
            StringComparer.Ordinal);
        // Each client grows (or shrinks) at its own pace: -10 % to +60 % over the history.
        _growth = clients.Select(_ => rng.Uniform(-0.1, 0.6)).ToArray();
        var first = window.FirstDay;
        Launches =
        [
            new ProductLaunch("Voice Agents 2.0", Tuesday(first.PlusMonths(4).PlusDays(14)), LastingLift: 0.12),
            new ProductLaunch("CRM Sync v3", Tuesday(first.PlusMonths(9).PlusDays(8))),
            new ProductLaunch("Multilingual voice agents", Tuesday(first.PlusMonths(13).PlusDays(5))),
        ];
    }

    internal IReadOnlyList<ProductLaunch> Launches { get; }

    internal IReadOnlyList<SampleClient> Clients => _clients;

    /// <summary>Expected tickets of client <paramref name="index"/> in the hour starting at <paramref name="hour"/>.</summary>
    internal double Rate(int index, Instant hour)
    {
        var client = _clients[index];
        if (!client.IsActive(hour))
        {
            return 0;
        }
        var local = hour.InZone(client.Zone).LocalDateTime;
        var rate = ClientRoster.MonthlyTickets(client.Tier) * client.Size / 730.0
            * (1 + _growth[index] * _window.Progress(hour))
            * Weekly[(int)local.DayOfWeek - 1]
            * Intraday[local.Hour];
        if (RegionalHolidays.IsHoliday(client.Region, local.Date))
        {
            rate *= 0.2;
        }
        rate *= LaunchSurge(hour) * LaunchAdoption(hour) * Onboarding(client, hour) * IncidentSpike(client.Id, hour);
        rate *= client.Story.At(hour, client.Story.Volume, 1.0);
        return rate;
    }

    /// <summary>How much of the demand at this hour is extra because of a launch (1 = none).</summary>
    internal double LaunchSurge(Instant hour)
    {
        var surge = 1.0;
        foreach (var launch in Launches)
        {
            var days = (hour - SupportPlan.ReportingZone.AtStartOfDay(launch.Day).ToInstant()).TotalDays;
            if (days is >= 0 and < 21)
            {
                surge += 1.1 * Math.Exp(-days / 4.0);
            }
        }
        return surge;
    }

    /// <summary>The lasting part of the launches: volume stays higher once clients use what was launched (1 = none).</summary>
    private double LaunchAdoption(Instant hour)
    {
        var lift = 1.0;
        foreach (var launch in Launches)
        {
            var days = (hour - SupportPlan.ReportingZone.AtStartOfDay(launch.Day).ToInstant()).TotalDays;
            if (days >= 0)
            {
                lift += launch.LastingLift * Math.Min(1, days / 14);
            }
        }
        return lift;
    }

    /// <summary>New clients ask more in their first six weeks.</summary>
    private static double Onboarding(SampleClient client, Instant hour)
    {
        var days = (hour - client.ActiveFrom).TotalDays;
        return days < 42 ? 1 + 1.2 * Math.Exp(-days / 14.0) : 1.0;
    }

    /// <summary>Incidents that hit the client multiply its tickets while they last and a few hours after.</summary>
    internal double IncidentSpike(string clientId, Instant hour)
    {
        var spike = 1.0;
        foreach (var incident in _incidentsByClient[clientId])
        {
            if (hour >= incident.Started - Duration.FromHours(1) && hour < incident.Resolved + Duration.FromHours(3))
            {
                spike = Math.Max(spike, incident.Severity switch { 1 => 7.0, 2 => 4.0, 3 => 2.2, _ => 1.4 });
            }
        }
        return spike;
    }

    private static LocalDate Tuesday(LocalDate day)
    {
        while (day.DayOfWeek != IsoDayOfWeek.Tuesday)
        {
            day = day.PlusDays(1);
        }
        return day;
    }

    private static double[] Normalise(double[] weights)
    {
        var mean = weights.Average();
        return weights.Select(w => w / mean).ToArray();
    }
}
