namespace SupportLens.Reports;

/// <summary>The PDF reports SupportLens writes (DESIGN.md §6); each has one document class in Documents/.</summary>
public enum ReportKind
{
    Executive,
    Csat,
    Nps,
    Fcr,
    Sla,
    ClientHealth,
    Capacity,
}

/// <summary>The names reports go by on the command line, in file names and in <c>report_runs</c>.</summary>
public static class ReportKinds
{
    private static readonly (ReportKind Kind, string Name)[] Names =
    [
        (ReportKind.Executive, "executive"),
        (ReportKind.Csat, "csat"),
        (ReportKind.Nps, "nps"),
        (ReportKind.Fcr, "fcr"),
        (ReportKind.Sla, "sla"),
        (ReportKind.ClientHealth, "client-health"),
        (ReportKind.Capacity, "capacity"),
    ];

    /// <summary>Every kind, in the order of DESIGN.md §6.</summary>
    public static IReadOnlyList<ReportKind> All { get; } = [.. Names.Select(n => n.Kind)];

    /// <summary>The quality reports the weekly job writes: CSAT, NPS, FCR and SLA.</summary>
    public static IReadOnlyList<ReportKind> Quality { get; } = [ReportKind.Csat, ReportKind.Nps, ReportKind.Fcr, ReportKind.Sla];

    public static string Name(this ReportKind kind) => Names.First(n => n.Kind == kind).Name;

    /// <summary>"executive", "client-health", …: the kind, or null for an unknown name.</summary>
    public static ReportKind? Parse(string name)
    {
        foreach (var (kind, known) in Names)
        {
            if (string.Equals(known, name, StringComparison.OrdinalIgnoreCase))
            {
                return kind;
            }
        }
        return null;
    }

    public static IEnumerable<string> AllNames => Names.Select(n => n.Name);
}
