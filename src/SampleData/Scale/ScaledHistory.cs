using NodaTime;
using SupportLens.SampleData.Clients;
using SupportLens.SampleData.Incidents;
using SupportLens.SampleData.Tickets;

namespace SupportLens.SampleData.Scale;

/// <summary>
/// The `--scale` stream: the default history's 40 clients and exactly <see cref="TicketCount"/> tickets with its shape
/// (tiers, time zones, weekly and daily rhythm, holidays, launches, incidents, shift queues), every client's volume
/// multiplied to reach the count. `supportlens sample-data --scale N` writes these rows; benchmarks load them directly.
/// Tickets are generated on demand, in creation order, so memory stays flat at any count.
/// </summary>
public sealed class ScaledHistory
{
    private readonly TicketModel _model;

    public ScaledHistory(long tickets, ulong seed = SampleDataOptions.DefaultSeed, LocalDate? today = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tickets, 1);
        var day = today ?? SampleDataOptions.DefaultToday;
        var window = new SampleDataOptions { Seed = seed, Today = day }.Window;
        var clients = ClientRoster.Create(window, day, Prng.For(seed, "clients"));
        clients = ChurnStories.Assign(clients, window, day, Prng.For(seed, "stories"));
        var incidents = IncidentModel.Create(clients, window, Prng.For(seed, "incidents"));
        _model = new TicketModel(clients, incidents, window, seed, tickets);
        TicketCount = tickets;
        Clients = clients.Select(c => c.ToRow()).ToList();
        From = window.Start.ToDateTimeOffset();
        Until = window.End.ToDateTimeOffset();
    }

    public long TicketCount { get; }

    public IReadOnlyList<ClientRow> Clients { get; }

    /// <summary>The history's first instant: tickets are created in [From, Until).</summary>
    public DateTimeOffset From { get; }

    public DateTimeOffset Until { get; }

    /// <summary>The tickets in creation order; each call starts the same sequence again (not safe to enumerate twice at once).</summary>
    public IEnumerable<TicketRow> Tickets() => _model.Generate().Select(t => t.ToRow());
}
