using NodaTime;
using SupportLens.Analytics.Health;

namespace SupportLens.Analytics.Risk;

/// <summary>
/// A client as it stood on one day (the first of each month for training; today for scoring): its record, the facts
/// its health was scored from, and that score. Everything in it is known on <see cref="AsOf"/>; only
/// <see cref="ClientAccount.ChurnedOn"/> looks ahead, and it is read for the label alone.
/// </summary>
public sealed record ChurnSnapshot
{
    public ChurnSnapshot(ClientAccount client, ClientHealthInputs inputs, HealthScore health)
    {
        if (client.ClientId != inputs.ClientId || health.ClientId != inputs.ClientId || health.AsOf != inputs.AsOf)
        {
            throw new ArgumentException(
                $"a snapshot is one client on one day: got client {client.ClientId}, inputs {inputs.ClientId} on {inputs.AsOf:yyyy-MM-dd}, " +
                $"health {health.ClientId} on {health.AsOf:yyyy-MM-dd}");
        }
        Client = client;
        Inputs = inputs;
        Health = health;
    }

    public ClientAccount Client { get; }

    public ClientHealthInputs Inputs { get; }

    public HealthScore Health { get; }

    public string ClientId => Client.ClientId;

    public LocalDate AsOf => Inputs.AsOf;
}

/// <summary>What a snapshot says about churn within the horizon, as far as the data up to its end can tell.</summary>
public enum ChurnLabel
{
    /// <summary>The client churned within the horizon after the snapshot.</summary>
    Churned,

    /// <summary>The whole horizon is inside the data and the client did not churn in it.</summary>
    Stayed,

    /// <summary>The horizon runs past the end of the data and no churn is known yet: not labelled (censored).</summary>
    Unknown,

    /// <summary>The snapshot is on or after the churn day: not a client any more, left out.</summary>
    AfterChurn,
}

internal static class ChurnLabels
{
    /// <summary>Label = churned_on in (as-of, as-of + horizon], as known on <paramref name="dataEnd"/>.</summary>
    public static ChurnLabel Of(ChurnSnapshot snapshot, int horizonDays, LocalDate dataEnd)
    {
        var horizonEnd = snapshot.AsOf.PlusDays(horizonDays);
        if (snapshot.Client.ChurnedOn is { } churned && churned <= dataEnd)
        {
            if (churned <= snapshot.AsOf)
            {
                return ChurnLabel.AfterChurn;
            }
            if (churned <= horizonEnd)
            {
                return ChurnLabel.Churned;
            }
        }
        return horizonEnd <= dataEnd ? ChurnLabel.Stayed : ChurnLabel.Unknown;
    }
}
