using NodaTime;

namespace SupportLens.SampleData;

/// <summary>What to generate. The defaults are fixed so the committed sample-data/ can be reproduced byte for byte.</summary>
public sealed record SampleDataOptions
{
    public const ulong DefaultSeed = 20261101;

    public static readonly LocalDate DefaultToday = new(2026, 11, 1);

    public ulong Seed { get; init; } = DefaultSeed;

    /// <summary>The history is the 18 complete months before this date.</summary>
    public LocalDate Today { get; init; } = DefaultToday;

    /// <summary>When set, only clients and exactly this many tickets are written, streamed, for benchmarks.</summary>
    public long? ScaleTickets { get; init; }

    internal int HistoryMonths { get; init; } = 18;

    internal HistoryWindow Window
    {
        get
        {
            var zone = SupportPlan.ReportingZone;
            var end = new LocalDate(Today.Year, Today.Month, 1);
            var start = end.PlusMonths(-HistoryMonths);
            return new HistoryWindow(start, end, zone.AtStartOfDay(start).ToInstant(), zone.AtStartOfDay(end).ToInstant());
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
