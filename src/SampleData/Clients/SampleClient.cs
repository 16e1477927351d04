using NodaTime;
using SupportLens.Analytics.Sla;
using SupportLens.SampleData.Scale;

namespace SupportLens.SampleData.Clients;

/// <summary>One client of the sample history (the generic `clients` fields of DESIGN.md §3 plus what drives its tickets).</summary>
internal sealed record SampleClient(
    string Id,
    string Name,
    string Domain,
    SupportTier Tier,
    DateTimeZone Zone,
    string Region,
    string SuccessManager,
    LocalDate ContractStart,
    LocalDate RenewalDate,
    decimal Mrr,
    LocalDate? ChurnedOn,
    double Size,
    ClientStory Story)
{
    internal Instant ActiveFrom => Zone.AtStartOfDay(ContractStart).ToInstant();

    internal Instant ActiveUntil => ChurnedOn is { } day ? Zone.AtStartOfDay(day).ToInstant() : Instant.MaxValue;

    internal bool IsActive(Instant t) => t >= ActiveFrom && t < ActiveUntil;

    internal ClientRow ToRow() => new(
        Id, Name, Tier.Name(), Zone.Id, Region, SuccessManager, ContractStart.ToDateOnly(), RenewalDate.ToDateOnly(), Mrr,
        ChurnedOn?.ToDateOnly());
}
