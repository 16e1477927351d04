using NodaTime;
using SupportLens.Analytics.Sla;

namespace SupportLens.Analytics.Health;

/// <summary>
/// A client as the clients export describes it (DESIGN.md §3): what retention, renewal proximity and the churn labels
/// are computed from. <see cref="RenewalDate"/> is the latest known renewal; contracts are taken to renew yearly on it.
/// <see cref="Name"/> is for people to read, never a key.
/// </summary>
public sealed record ClientAccount(
    string ClientId,
    SupportTier Tier,
    string? SuccessManager = null,
    LocalDate? ContractStart = null,
    LocalDate? RenewalDate = null,
    decimal? Mrr = null,
    LocalDate? ChurnedOn = null,
    string? Name = null)
{
    /// <summary>A client is active from its contract start (or always, when that is unknown) until the day it churns.</summary>
    public bool IsActiveOn(LocalDate day) =>
        (ContractStart is not { } start || start <= day) && (ChurnedOn is not { } churned || churned > day);

    /// <summary>
    /// The first renewal on or after <paramref name="day"/>: the renewal date stepped back by whole years while the
    /// earlier anniversary is still ahead (history is scored on past days, when the next renewal was an earlier one).
    /// Null when the renewal date is unknown or already behind <paramref name="day"/>.
    /// </summary>
    public LocalDate? NextRenewalOn(LocalDate day)
    {
        if (RenewalDate is not { } renewal || renewal < day)
        {
            return null;
        }
        var next = renewal;
        while (next.PlusYears(-1) >= day && (ContractStart is not { } start || next.PlusYears(-1) > start))
        {
            next = next.PlusYears(-1);
        }
        return next;
    }
}
