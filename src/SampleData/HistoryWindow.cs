using NodaTime;

namespace SupportLens.SampleData;

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
