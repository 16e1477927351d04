using NodaTime;

namespace SupportLens.SampleData.Contacts;

/// <summary>
/// One row of the `volume` export (DESIGN.md §3): a client's phone or chat contacts in one interval. Averages are over the
/// handled contacts and are null (not measured) when none was handled; the service level is the share of offered
/// contacts answered within <see cref="ContactCentre.ServiceLevelThreshold"/>.
/// </summary>
internal sealed record IntervalVolume(
    Instant IntervalStart,
    string Channel,
    string ClientId,
    int Offered,
    int Handled,
    int Abandoned,
    int AnsweredInThreshold,
    double? AvgHandleSeconds,
    double? AvgWaitSeconds)
{
    internal double? ServiceLevelPct => Offered == 0 ? null : 100.0 * AnsweredInThreshold / Offered;
}
