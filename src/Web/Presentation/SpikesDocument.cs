using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Clients;

namespace SupportLens.Web.Presentation;

/// <summary>
/// The unusual days of a period: each client's volume (channel <c>all</c>) and each of its channels scanned by the spike
/// detector, with the day's volume against the expected value and range. Days in the reporting time zone.
/// </summary>
internal sealed record SpikesDocument(string From, string To, string TimeZone, IReadOnlyList<SpikeDocument> Spikes);

/// <summary>One flagged day.</summary>
/// <param name="Score">How far outside the expected range (robust z-score).</param>
/// <param name="Direction">"high" or "low".</param>
internal sealed record SpikeDocument(
    string Date, string ClientId, string? ClientName, string? Tier, string Channel, double Volume, double Expected, double ExpectedLow,
    double ExpectedHigh, double Score, string Direction, bool Holiday)
{
    internal static SpikeDocument Build(StoredSpike s, ClientInfo? client) => new(
        ForecastDocument.Date(s.Spike.Date), s.ClientId, client?.Name, client?.Tier, s.Channel, Math.Round(s.Spike.Volume, 2),
        Math.Round(s.Spike.Expected, 2), Math.Round(s.Spike.ExpectedLow, 2), Math.Round(s.Spike.ExpectedHigh, 2), Math.Round(s.Spike.Score, 2),
        s.Spike.Direction == SpikeDirection.High ? "high" : "low", s.Spike.Holiday);
}
