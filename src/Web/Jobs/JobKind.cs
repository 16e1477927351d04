namespace SupportLens.Web.Jobs;

/// <summary>The scheduled jobs (DESIGN.md §6).</summary>
internal enum JobKind
{
    /// <summary>Nightly: brings the derived tables up to date.</summary>
    Refresh,

    /// <summary>Weekly: the CSAT, NPS, FCR and SLA PDFs of the last complete week, to the QA list.</summary>
    WeeklyQuality,

    /// <summary>On the 1st: the executive pack and one client-health PDF per active client, for the previous month.</summary>
    MonthlyReports,
}

internal static class JobKinds
{
    public static IReadOnlyList<JobKind> All { get; } = Enum.GetValues<JobKind>();

    /// <summary>The name the CLI, the ledgers and the dashboard use.</summary>
    public static string Name(this JobKind kind) => kind switch
    {
        JobKind.Refresh => "refresh",
        JobKind.WeeklyQuality => "weekly-quality",
        JobKind.MonthlyReports => "monthly-reports",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParse(string? name, out JobKind kind)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name(), name, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static string Names => string.Join(", ", All.Select(Name));
}
