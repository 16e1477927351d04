namespace SupportLens.Ingest;

/// <summary>What a file holds; each kind loads into one warehouse table (DESIGN.md §3).</summary>
public enum IngestKind
{
    Clients,
    Tickets,
    TicketEvents,
    Csat,
    Nps,
    Incidents,
    Checks,
    Volume,
}

public static class IngestKinds
{
    /// <summary>The names used on the command line, in the order the design lists them.</summary>
    public static readonly IReadOnlyList<string> Names = ["clients", "tickets", "ticket-events", "csat", "nps", "incidents", "checks", "volume"];

    public static string Name(this IngestKind kind) => Names[(int)kind];

    public static bool TryParse(string? name, out IngestKind kind)
    {
        var index = Names.ToList().FindIndex(n => string.Equals(n, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        kind = index < 0 ? default : (IngestKind)index;
        return index >= 0;
    }
}
