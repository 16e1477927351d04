using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Sla;
using SupportLens.Storage;

namespace SupportLens.Analytics.Tests.Health;

/// <summary>
/// The health inputs of a tiny hand-made warehouse, day by day, in America/New_York (EDT until 2026-11-01 06:00Z, EST
/// after). Short windows keep the arithmetic readable: tickets 7 days, surveys 10, incidents 5, volume baseline 14.
/// A day d's window of n days is d−n+1 .. d.
/// </summary>
public sealed class HealthInputsQueryTests : IDisposable
{
    private static readonly HealthSettings Windows = HealthSettings.Default with
    {
        TicketWindowDays = 7,
        SurveyWindowDays = 10,
        IncidentWindowDays = 5,
        VolumeBaselineDays = 14,
    };

    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];

    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);
    private readonly Dictionary<(string, LocalDate), ClientHealthInputs> _inputs;

    public HealthInputsQueryTests()
    {
        using var connection = _warehouse.OpenConnection();
        connection.ExecuteNonQuery("""
            INSERT INTO clients (client_id, source, name, tier, contract_start, renewal_date, churned_on) VALUES
                ('A', 'g', 'Acme', 'professional', '2026-01-01', '2027-03-15', NULL),
                ('B', 'g', 'Bolt', 'starter', '2026-10-20', '2026-11-10', '2026-11-10');
            -- t1: created 10-28, escalated (event 10-30), solved 11-03 with one reply and no reopen.
            -- t2: created 2026-11-01T04:30Z = 11-01 00:30 EDT, urgent, still open, escalation and counts unknown.
            -- t3: created 2026-11-02T04:30Z = 11-01 23:30 EST (a day earlier than its UTC date), closed
            --     2026-11-02T05:00Z = 11-02 00:00 EST without a solve time, three replies, reopened, not escalated.
            INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, priority, status, solved_at, closed_at, agent_replies, reopens, escalated) VALUES
                ('g', 't1', 'A', '2026-10-28T15:00:00Z', 'email', 'normal', 'solved', '2026-11-03T15:00:00Z', NULL, 1, 0, true),
                ('g', 't2', 'A', '2026-11-01T04:30:00Z', 'chat', 'urgent', 'open', NULL, NULL, NULL, NULL, NULL),
                ('g', 't3', 'A', '2026-11-02T04:30:00Z', 'phone', 'normal', 'closed', NULL, '2026-11-02T05:00:00Z', 3, 1, false);
            INSERT INTO ticket_events (source, ticket_id, occurred_at, event, value) VALUES
                ('g', 't1', '2026-10-30T12:00:00Z', 'escalation', '2');
            -- t1: first response achieved 10-28; resolution due 10-30, done 11-03: breached, known on 10-30.
            -- t2: first response due 2026-11-01T06:30Z (01:30 EST, 11-01) passed undone before the horizon: breached 11-01;
            --     resolution due after the horizon: still running, not decided.
            INSERT INTO ticket_sla VALUES
                ('g', 't1', '2026-10-28T15:00:00Z', 'A', 'email', 'p', NULL,
                 '2026-10-28T17:00:00Z', '2026-10-28T16:00:00Z', 60, '2026-10-30T15:00:00Z', '2026-11-03T15:00:00Z', 100, false, '2026-11-20T00:00:00Z'),
                ('g', 't2', '2026-11-01T04:30:00Z', 'A', 'chat', 'p', NULL,
                 '2026-11-01T06:30:00Z', NULL, NULL, '2026-11-25T00:00:00Z', NULL, NULL, false, '2026-11-20T00:00:00Z');
            -- Two CSAT answers on different UTC dates, both on 11-01 in New York: one good, one bad.
            INSERT INTO csat_responses (source, response_id, client_id, responded_at, score, good) VALUES
                ('g', 'c1', 'A', '2026-11-01T04:30:00Z', 5, true),
                ('g', 'c2', 'A', '2026-11-02T04:30:00Z', 2, false);
            INSERT INTO nps_responses (source, response_id, client_id, responded_at, score) VALUES
                ('g', 'n1', 'A', '2026-10-26T12:00:00Z', 10),
                ('g', 'n2', 'A', '2026-11-05T12:00:00Z', 3);
            -- I1 (severity 2) hit everybody on 10-29; I2 (severity 1) hit B alone on 11-03.
            INSERT INTO incidents (source, incident_id, severity, title, started_at, affects_all) VALUES
                ('g', 'I1', 2, 'Routing down', '2026-10-29T12:00:00Z', true),
                ('g', 'I2', 1, 'Bolt outage', '2026-11-03T12:00:00Z', false);
            INSERT INTO incident_clients VALUES ('g', 'I2', 'B');
            -- The spike detector scanned A's whole volume from 11-08 to 11-20: up on 11-12, down on 11-13 (not a spike
            -- up), and up on chat alone on 11-14 (not the whole volume). It never scanned B, which leaves on 11-10.
            INSERT INTO spike_scans VALUES ('A', 'all', '2026-11-08', '2026-11-20', '2026-11-21T00:00:00Z'),
                                           ('A', 'chat', '2026-11-08', '2026-11-20', '2026-11-21T00:00:00Z');
            INSERT INTO spikes VALUES
                ('A', 'all', '2026-11-12', 9, 2, 0, 4, 5.1, 'high', false, '2026-11-21T00:00:00Z'),
                ('A', 'all', '2026-11-13', 0, 3, 1, 5, -4.0, 'low', false, '2026-11-21T00:00:00Z'),
                ('A', 'chat', '2026-11-14', 6, 1, 0, 2, 6.0, 'high', false, '2026-11-21T00:00:00Z');
            """);
        var clients = new Dictionary<string, ClientAccount>
        {
            ["A"] = new("A", SupportTier.Professional, ContractStart: new LocalDate(2026, 1, 1), RenewalDate: new LocalDate(2027, 3, 15)),
            ["B"] = new("B", SupportTier.Starter, ContractStart: new LocalDate(2026, 10, 20), RenewalDate: new LocalDate(2026, 11, 10),
                ChurnedOn: new LocalDate(2026, 11, 10)),
        };
        _inputs = new HealthInputsQuery(Windows, NewYork)
            .Read(connection, clients, new LocalDate(2026, 10, 25), new LocalDate(2026, 11, 30))
            .ToDictionary(i => (i.ClientId, i.AsOf));
    }

    public void Dispose() => _warehouse.Dispose();

    private ClientHealthInputs On(string client, int month, int day) => _inputs[(client, new LocalDate(2026, month, day))];

    [Fact]
    public void Every_active_client_day_and_no_other()
    {
        // A: 10-25 .. 11-30 = 7 + 30 = 37 days. B: from 10-25 (the range; its contract began 10-20) to 11-09, the day before it left = 16.
        Assert.Equal(37, _inputs.Keys.Count(k => k.Item1 == "A"));
        Assert.Equal(16, _inputs.Keys.Count(k => k.Item1 == "B"));
        Assert.False(_inputs.ContainsKey(("B", new LocalDate(2026, 11, 10))));
    }

    [Fact]
    public void Ticket_volume_counts_the_window_and_the_baseline_before_it()
    {
        // t1 (10-28) is in days 10-28..11-03; t2 and t3 (both 11-01 in New York) in 11-01..11-07.
        Assert.Equal(new TicketVolume(1, 0), On("A", 10, 31).Volume);
        Assert.Equal(new TicketVolume(3, 0), On("A", 11, 1).Volume);
        Assert.Equal(new TicketVolume(3, 0), On("A", 11, 3).Volume);
        // 11-04: t1 left the 7-day window and entered the 14-day baseline before it (11-04..11-17).
        Assert.Equal(new TicketVolume(2, 1), On("A", 11, 4).Volume);
        Assert.Equal(new TicketVolume(0, 3), On("A", 11, 8).Volume);
        Assert.Equal(new TicketVolume(0, 0), On("A", 11, 30).Volume);
    }

    [Fact]
    public void The_day_is_cut_in_the_reporting_zone_across_the_end_of_daylight_saving()
    {
        // 04:30Z on 11-01 is 00:30 EDT on 11-01; 04:30Z on 11-02 is 23:30 EST on 11-01: one local day, two UTC days.
        Assert.Null(On("A", 10, 31).Csat);
        Assert.Equal(new Proportion(1, 2), On("A", 11, 1).Csat);
        // Ten-day survey window: 11-01..11-10, gone on 11-11.
        Assert.Equal(new Proportion(1, 2), On("A", 11, 10).Csat);
        Assert.Null(On("A", 11, 11).Csat);
    }

    [Fact]
    public void Escalations_count_from_the_escalation_event_over_tickets_whose_export_says()
    {
        // Only t1 and t3 say whether they escalated (t2 does not: left out of both sides).
        Assert.Equal(new Proportion(0, 1), On("A", 10, 29).Escalations); // t1 not escalated yet
        Assert.Equal(new Proportion(1, 1), On("A", 10, 30).Escalations); // its escalation event
        Assert.Equal(new Proportion(1, 2), On("A", 11, 2).Escalations);  // t3 (not escalated) joins
        Assert.Equal(new Proportion(0, 1), On("A", 11, 4).Escalations);  // t1 left the window
        Assert.Null(On("A", 11, 8).Escalations);
    }

    [Fact]
    public void Fcr_and_reopens_count_solved_tickets_from_their_solve_day()
    {
        Assert.Null(On("A", 11, 1).Fcr);
        // t3 closed 11-02 (00:00 EST) without a solve time: three replies and a reopen, not one-touch.
        Assert.Equal(new Proportion(0, 1), On("A", 11, 2).Fcr);
        Assert.Equal(new Proportion(1, 1), On("A", 11, 2).Reopens);
        // t1 solved 11-03 with one reply, no reopen.
        Assert.Equal(new Proportion(1, 2), On("A", 11, 3).Fcr);
        Assert.Equal(new Proportion(1, 2), On("A", 11, 3).Reopens);
        // t3 leaves on 11-09 (11-02 + 7), t1 on 11-10.
        Assert.Equal(new Proportion(1, 1), On("A", 11, 9).Fcr);
        Assert.Null(On("A", 11, 10).Fcr);
    }

    [Fact]
    public void Sla_targets_count_from_the_day_their_outcome_was_known()
    {
        Assert.Equal(new SlaFacts(1, 0, 0), On("A", 10, 28).Sla); // t1's first response, achieved at once
        Assert.Equal(new SlaFacts(1, 0, 0), On("A", 10, 29).Sla); // its resolution still running
        Assert.Equal(new SlaFacts(1, 1, 0), On("A", 10, 30).Sla); // resolution deadline passed: breached
        // t2's first response deadline (01:30 EST on 11-01) passed undone; it is urgent. Its resolution is still running.
        Assert.Equal(new SlaFacts(1, 2, 1), On("A", 11, 1).Sla);
        Assert.Equal(new SlaFacts(0, 1, 1), On("A", 11, 4).Sla); // t1 (created 10-28) left the window
        Assert.Null(On("A", 11, 8).Sla);
    }

    [Fact]
    public void Nps_compares_with_the_window_before_once_that_window_reaches_the_data()
    {
        // n1 (promoter, 10-26) is in days 10-26..11-04; n2 (detractor, 11-05) from 11-05.
        Assert.Equal(new NetPromoterScore(1, 0, 0), On("A", 11, 4).Nps!.Current);
        // The earlier window of 11-04 is 10-16..10-25, before the first NPS answer (10-26): not known.
        Assert.Null(On("A", 11, 4).Nps!.Previous);
        Assert.Equal(new NetPromoterScore(0, 0, 1), On("A", 11, 5).Nps!.Current);
        // 11-05's earlier window is 10-17..10-26: n1.
        Assert.Equal(new NetPromoterScore(1, 0, 0), On("A", 11, 5).Nps!.Previous);
    }

    [Fact]
    public void Incidents_count_those_that_named_the_client_or_hit_everybody()
    {
        Assert.Equal(IncidentFacts.None, On("A", 10, 28).Incidents);
        Assert.Equal(new IncidentFacts(0, 1, 0, 0), On("A", 10, 29).Incidents);
        Assert.Equal(new IncidentFacts(0, 1, 0, 0), On("B", 10, 29).Incidents);
        // Five-day window: I1 (10-29) gone on 11-03, when I2 hits B alone.
        Assert.Equal(IncidentFacts.None, On("A", 11, 3).Incidents);
        Assert.Equal(new IncidentFacts(1, 0, 0, 0), On("B", 11, 3).Incidents);
    }

    [Fact]
    public void Volume_spikes_count_days_the_whole_volume_spiked_up_over_the_days_the_detector_scanned()
    {
        // Until 11-09 B is a client the detector never scanned: spikes are measured for nobody, or B would be told
        // apart by the component it lacks.
        Assert.Null(On("A", 11, 2).VolumeSpikes);
        Assert.Null(On("B", 11, 2).VolumeSpikes);
        // From 11-10 A is the only client. Seven-day windows against the scan 11-08 .. 11-20:
        Assert.Equal(new SpikeFacts(0, 3), On("A", 11, 10).VolumeSpikes); // 11-08..11-10 scanned
        Assert.Equal(new SpikeFacts(1, 5), On("A", 11, 12).VolumeSpikes); // the 11-12 spike; 11-08..11-12 scanned
        Assert.Equal(new SpikeFacts(1, 7), On("A", 11, 18).VolumeSpikes); // 11-13 was low and 11-14 chat alone: not counted
        Assert.Equal(new SpikeFacts(0, 7), On("A", 11, 19).VolumeSpikes); // 11-12 left the window
        Assert.Equal(new SpikeFacts(0, 2), On("A", 11, 25).VolumeSpikes); // 11-19..11-20 of 11-19..11-25 scanned

        var scorer = new HealthScorer(Windows, SupportLensSettings.Default.Targets);
        Assert.Contains(HealthComponent.VolumeSpikes, scorer.Score(On("A", 11, 2)).Coverage.Unmeasured);
        var spikes = scorer.Score(On("A", 11, 12)).Components.Single(c => c.Component == HealthComponent.VolumeSpikes);
        Assert.Equal("Ticket volume spiked on 1 of the last 5 days", spikes.Text);
    }

    [Fact]
    public void A_client_without_tickets_or_surveys_has_those_components_unmeasured()
    {
        var b = On("B", 11, 5);
        Assert.Null(b.Csat);
        Assert.Null(b.Sla);
        Assert.Null(b.Fcr);
        Assert.Null(b.Escalations);
        Assert.Null(b.Reopens);
        Assert.Null(b.VolumeSpikes);
        Assert.Equal(new NetPromoterScore(0, 0, 0), b.Nps!.Current);
        Assert.Equal(new TicketVolume(0, 0), b.Volume);
        Assert.Equal(new LocalDate(2026, 11, 10), b.NextRenewal);
        Assert.Equal(SupportTier.Starter, b.Tier);

        var score = new HealthScorer(Windows, SupportLensSettings.Default.Targets).Score(b);
        Assert.Contains(HealthComponent.Sla, score.Coverage.Unmeasured);
        Assert.Contains(HealthComponent.Csat, score.Coverage.Unmeasured);
    }

    [Fact]
    public void Without_incident_data_incidents_are_not_measured_rather_than_none()
    {
        using var warehouse = Warehouse.InMemory(TimeProvider.System);
        using var connection = warehouse.OpenConnection();
        connection.ExecuteNonQuery("INSERT INTO clients (client_id, source, name, tier) VALUES ('A', 'g', 'Acme', 'business')");
        var clients = new Dictionary<string, ClientAccount> { ["A"] = new("A", SupportTier.Business) };
        var inputs = new HealthInputsQuery(Windows, NewYork).Read(connection, clients, new LocalDate(2026, 1, 1), new LocalDate(2026, 1, 3));

        Assert.Equal(3, inputs.Length);
        Assert.All(inputs, i => Assert.Null(i.Incidents));
        Assert.All(inputs, i => Assert.Null(i.Nps!.Previous));
    }
}
