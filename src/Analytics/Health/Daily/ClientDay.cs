using NodaTime;
using SupportLens.Analytics.Risk;

namespace SupportLens.Analytics.Health.Daily;

/// <summary>One active client on one day during a refresh: its record, the facts known that day, and the score and row made of them.</summary>
internal sealed record ClientDay(ClientAccount Client, ClientHealthInputs Inputs, HealthScore Health, HealthRow Row)
{
    public string ClientId => Client.ClientId;

    public LocalDate Day => Inputs.AsOf;

    public ChurnSnapshot Snapshot => new(Client, Inputs, Health);

    /// <summary>
    /// What this client-day gives a risk run trained or assessing on <paramref name="runDay"/>: the stored row, the facts
    /// the model reads, and the client's record with a churn that had not happened by then left out.
    /// </summary>
    public string Evidence(LocalDate runDay) =>
        Client.ChurnedOn is { } churned && churned <= runDay ? _evidence.Value + "|churned " + churned : _evidence.Value;

    private readonly Lazy<string> _evidence = new(() => HealthRow.Digest(string.Join('|',
        Row.Fingerprint, Inputs, Client with { ChurnedOn = null })));
}
