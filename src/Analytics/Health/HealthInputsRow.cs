using NodaTime;
using SupportLens.Analytics.Metrics;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Health;

/// <summary>
/// What the history's data says of one client on one day before it becomes <see cref="ClientHealthInputs"/>: the counts
/// of <see cref="HealthInputsQuery"/>'s windows, and the facts the whole history shares. Kept in <c>health_inputs</c> so
/// that a refresh can rebuild any stored day without reading the tickets again.
/// </summary>
internal sealed record HealthInputsRow(
    string ClientId, LocalDate Day, LocalDate? FirstNpsDay, bool IncidentData, int? SpikeDaysObserved, long[] Measures)
{
    private long N(string measure) => Measures[HealthInputsQuery.MeasureIndex(measure)];

    public ClientHealthInputs ToInputs(ClientAccount client, HealthSettings settings)
    {
        // The earlier NPS window is known once it reaches into the NPS data; before that, "fell from" has nothing to say.
        var previousKnown = FirstNpsDay is { } first && Day.PlusDays(-settings.SurveyWindowDays) >= first;
        var slaDecided = N("sla_achieved") + N("sla_breached");
        return new ClientHealthInputs(
            client.ClientId,
            client.Tier,
            Day,
            Csat: N("csat_total") == 0 ? null : new Proportion(N("csat_good"), N("csat_total")),
            Nps: new NpsFacts(
                new NetPromoterScore(N("nps_pro"), N("nps_pas"), N("nps_det")),
                previousKnown ? new NetPromoterScore(N("nps_prev_pro"), N("nps_prev_pas"), N("nps_prev_det")) : null),
            Sla: slaDecided == 0 ? null : new SlaFacts(N("sla_achieved"), N("sla_breached"), N("sla_breached_urgent")),
            Fcr: N("fcr_known") == 0 ? null : new Proportion(N("fcr_yes"), N("fcr_known")),
            Escalations: N("esc_known") == 0 ? null : new Proportion(N("esc_yes"), N("esc_known")),
            Reopens: N("reopen_known") == 0 ? null : new Proportion(N("reopen_yes"), N("reopen_known")),
            Incidents: IncidentData ? new IncidentFacts((int)N("sev1"), (int)N("sev2"), (int)N("sev3"), (int)N("sev4")) : null,
            VolumeSpikes: SpikeDaysObserved is { } observed ? new SpikeFacts((int)N("spike_days"), observed) : null,
            NextRenewal: client.NextRenewalOn(Day),
            Volume: new TicketVolume(N("tickets"), N("baseline")));
    }
}

/// <summary>Facts the whole history shares: the first day with NPS data, and whether any incidents were loaded.</summary>
internal sealed record HealthGlobals(LocalDate? FirstNpsDay, bool IncidentData)
{
    public static HealthGlobals Read(WarehouseConnection connection, DateTimeZone zone)
    {
        using var command = connection.CreateCommand("""
            SELECT (SELECT min(CAST(timezone($zone, responded_at) AS DATE)) FROM nps_responses), EXISTS (SELECT 1 FROM incidents)
            """);
        command.Parameters.Add("zone", zone.Id);
        using var reader = command.ExecuteReader();
        reader.Read();
        return new HealthGlobals(reader.IsDBNull(0) ? null : LocalDate.FromDateOnly(reader.GetDateOnly(0)), reader.GetBoolean(1));
    }
}

/// <summary>
/// The part of the history a read of <see cref="HealthInputsQuery"/> covers: some clients (null: all of them) on the days
/// from <paramref name="From"/> to <paramref name="To"/>.
/// </summary>
internal sealed record HealthScope(IReadOnlyCollection<string>? Clients, LocalDate From, LocalDate To, HealthGlobals Globals);
