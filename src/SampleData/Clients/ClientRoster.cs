using NodaTime;
using SupportLens.Analytics.Sla;

namespace SupportLens.SampleData.Clients;

/// <summary>
/// The 40 clients: the support plan's tier split (16/12/8/4), spread over the time zones and regions a real-estate
/// voice-agent platform sells into, each with a success manager, contract, renewal and MRR.
/// </summary>
internal static class ClientRoster
{
    private static readonly string[] Names =
    [
        "Harbor Point Realty", "Summit Ridge Homes", "Bluestone Properties", "Crescent Key Realty", "Oak & Ivy Estates",
        "Northgate Brokerage", "Silver Birch Realty", "Meridian Home Group", "Cedar Lane Partners", "Lakeshore Living",
        "Redwood Coast Realty", "Granite State Homes", "Prairie Wind Realty", "Copperline Properties", "Maple Row Realtors",
        "Tidewater Home Co", "Foxglove Real Estate", "Ironwood Realty Group", "Beacon Hill Brokers", "Sunset Mesa Homes",
        "Westbridge Estates", "Highland Key Realty", "Kingsway Property", "Thistle & Stone", "Harbourside Homes",
        "Southern Cross Realty", "Kauri Coast Property", "Bondi Bay Estates", "Lionsgate Lettings", "Shamrock Homes",
        "Evergreen Nest Realty", "Canyon Gate Realty", "Riverbend Realtors", "Magnolia Square Homes", "Pinecrest Brokerage",
        "Stonebridge Realty", "Coral Reef Properties", "Aspen Trail Homes", "Windmill Lane Estates", "Quayside Realty",
        "Juniper Hill Homes", "Parkside Residential",
    ];

    private static readonly (string Zone, string Region, double Weight)[] Locations =
    [
        ("America/New_York", "US East", 9),
        ("America/Chicago", "US Central", 6),
        ("America/Denver", "US West", 2),
        ("America/Phoenix", "US West", 2),
        ("America/Los_Angeles", "US West", 6),
        ("America/Toronto", "Canada", 3),
        ("America/Vancouver", "Canada", 2),
        ("Europe/London", "UK & Ireland", 4),
        ("Europe/Dublin", "UK & Ireland", 1),
        ("Australia/Sydney", "ANZ", 3),
        ("Pacific/Auckland", "ANZ", 2),
    ];

    internal static readonly string[] SuccessManagers =
    [
        "Maya Okafor", "Daniel Brooks", "Priya Raman", "Tom Lindqvist", "Sofia Marquez", "Grace Whitfield",
    ];

    /// <summary>Tickets a month for a client of size 1 at the start of the history.</summary>
    internal static double MonthlyTickets(SupportTier tier) => tier switch
    {
        SupportTier.Starter => 12,
        SupportTier.Professional => 26,
        SupportTier.Business => 52,
        _ => 110,
    };

    private static (decimal Min, decimal Max) MrrRange(SupportTier tier) => tier switch
    {
        SupportTier.Starter => (149m, 499m),
        SupportTier.Professional => (900m, 2500m),
        SupportTier.Business => (4000m, 9000m),
        _ => (15000m, 40000m),
    };

    internal static IReadOnlyList<SampleClient> Create(HistoryWindow window, LocalDate today, Prng rng)
    {
        var tiers = new List<SupportTier>();
        tiers.AddRange(Enumerable.Repeat(SupportTier.Starter, 16));
        tiers.AddRange(Enumerable.Repeat(SupportTier.Professional, 12));
        tiers.AddRange(Enumerable.Repeat(SupportTier.Business, 8));
        tiers.AddRange(Enumerable.Repeat(SupportTier.Enterprise, 4));
        Shuffle(tiers, rng);
        var names = Names.ToList();
        Shuffle(names, rng);
        var locations = Locations.Select(l => ((l.Zone, l.Region), l.Weight)).ToList();

        var clients = new List<SampleClient>(tiers.Count);
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            var (zone, region) = rng.Pick<(string, string)>(locations);
            // Most clients predate the history; a third of the smaller ones sign during it, so the book grows.
            var signedDuring = tier is SupportTier.Starter or SupportTier.Professional && rng.Chance(0.3);
            var contractStart = signedDuring
                ? window.FirstDay.PlusDays(rng.Next(20, 330))
                : window.FirstDay.PlusDays(-rng.Next(60, 1500));
            var size = Math.Exp(0.35 * rng.Normal());
            var (min, max) = MrrRange(tier);
            var mrr = Math.Round((min + (max - min) * (decimal)rng.NextDouble()) * (decimal)Math.Sqrt(size) / 10m) * 10m;
            var name = names[i];
            clients.Add(new SampleClient(
                Id: $"C-{i + 1:D3}",
                Name: name,
                Domain: DomainOf(name),
                Tier: tier,
                Zone: DateTimeZoneProviders.Tzdb[zone],
                Region: region,
                SuccessManager: "",
                ContractStart: contractStart,
                RenewalDate: NextAnniversary(contractStart, today),
                Mrr: Math.Max(min, mrr),
                ChurnedOn: null,
                Size: size,
                Story: ClientStory.Steady));
        }
        return AssignSuccessManagers(clients);
    }

    /// <summary>Round-robin from the largest account down, so every manager's book mixes tiers like a real team's.</summary>
    private static List<SampleClient> AssignSuccessManagers(List<SampleClient> clients)
    {
        var ordered = clients.OrderByDescending(c => c.Tier).ThenByDescending(c => c.Mrr).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
        var manager = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < ordered.Count; i++)
        {
            manager[ordered[i].Id] = SuccessManagers[i % SuccessManagers.Length];
        }
        return clients.Select(c => c with { SuccessManager = manager[c.Id] }).ToList();
    }

    internal static LocalDate NextAnniversary(LocalDate start, LocalDate after)
    {
        var years = Math.Max(1, after.Year - start.Year);
        var day = start.PlusYears(years);
        while (day <= after)
        {
            day = day.PlusYears(1);
        }
        while (day.PlusYears(-1) > after && day.PlusYears(-1) > start)
        {
            day = day.PlusYears(-1);
        }
        return day;
    }

    private static string DomainOf(string name)
    {
        var letters = new string(name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());
        return letters + ".example";
    }

    internal static void Shuffle<T>(IList<T> items, Prng rng)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
