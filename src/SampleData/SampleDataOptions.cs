using NodaTime;

namespace SupportLens.Web.SampleData;

/// <summary>What to generate. The defaults are fixed so the committed sample-data/ can be reproduced byte for byte.</summary>
internal sealed record SampleDataOptions
{
    internal const ulong DefaultSeed = 20261101;
    internal static readonly LocalDate DefaultToday = new(2026, 11, 1);

    /// <summary>The reporting zone of DESIGN.md §3: months of the history are cut here.</summary>
    internal static readonly DateTimeZone ReportingZone = DateTimeZoneProviders.Tzdb["America/New_York"];

    internal ulong Seed { get; init; } = DefaultSeed;

    /// <summary>The history is the 18 complete months before this date.</summary>
    internal LocalDate Today { get; init; } = DefaultToday;

    internal int HistoryMonths { get; init; } = 18;

    /// <summary>When set, only clients and this many tickets are written, streamed, for benchmarks.</summary>
    internal long? ScaleTickets { get; init; }

    internal bool IsDefault => Seed == DefaultSeed && Today == DefaultToday && HistoryMonths == 18 && ScaleTickets is null;

    internal HistoryWindow Window
    {
        get
        {
            var end = new LocalDate(Today.Year, Today.Month, 1);
            var start = end.PlusMonths(-HistoryMonths);
            return new HistoryWindow(start, end,
                ReportingZone.AtStartOfDay(start).ToInstant(),
                ReportingZone.AtStartOfDay(end).ToInstant());
        }
    }

    /// <summary>The command line that reproduces this output, for the README.</summary>
    internal string CommandLine()
    {
        var parts = new List<string> { "./supportlens sample-data" };
        if (Seed != DefaultSeed)
        {
            parts.Add($"--seed {Seed}");
        }
        if (Today != DefaultToday)
        {
            parts.Add($"--today {Today:yyyy-MM-dd}");
        }
        if (ScaleTickets is { } n)
        {
            parts.Add($"--scale {n}");
        }
        return string.Join(' ', parts);
    }
}

/// <summary>
/// The months the history covers, [FirstDay, EndDay) as dates and [Start, End) as instants, cut in the reporting zone
/// so every month is complete in the reports.
/// </summary>
internal sealed record HistoryWindow(LocalDate FirstDay, LocalDate EndDay, Instant Start, Instant End)
{
    internal int Hours => (int)((End - Start).TotalHours);

    internal bool Contains(Instant t) => t >= Start && t < End;

    /// <summary>0 at the start of the history, 1 at its end: drives growth.</summary>
    internal double Progress(Instant t) => (t - Start).TotalHours / (End - Start).TotalHours;
}

internal enum Tier
{
    Starter,
    Professional,
    Business,
    Enterprise,
}

internal static class TierNames
{
    internal static string Name(this Tier tier) => tier switch
    {
        Tier.Starter => "starter",
        Tier.Professional => "professional",
        Tier.Business => "business",
        _ => "enterprise",
    };

    internal static readonly Tier[] All = [Tier.Starter, Tier.Professional, Tier.Business, Tier.Enterprise];
}
