using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Incidents;
using SupportLens.Analytics.Metrics;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Tests.Incidents;

/// <summary>
/// Incident and availability metrics of March 2026 in America/New_York over hand-built incidents and checks. March is
/// [2026-03-01T05:00Z, 2026-04-01T04:00Z): 31 days less the hour DST skipped on 8 March (07:00Z) = 743 h = 44,580 min.
/// "Now" is 2026-04-01T12:00Z. Every expected figure is worked out in comments.
/// </summary>
public sealed class IncidentMetricsGoldenTests : IDisposable
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private static readonly ReportingPeriod March = ReportingPeriod.Month("2026-03", NewYork);
    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);
    private readonly WarehouseConnection _connection;
    private readonly FixedTime _now = new(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly IncidentMetricsService _service;

    public IncidentMetricsGoldenTests()
    {
        _connection = _warehouse.OpenConnection();
        _connection.ExecuteNonQuery("""
            INSERT INTO incidents (source, incident_id, severity, title, component, started_at, acknowledged_at, first_update_at, resolved_at, affects_all) VALUES
                -- sev 1 (15 min / 45 min / 4 h): acknowledged after 10 min, updated after 40 min, resolved after 3 h: all met; hit everyone
                ('g', 'I1', 1, 'API down', 'api', '2026-03-10T12:00:00Z', '2026-03-10T12:10:00Z', '2026-03-10T12:40:00Z', '2026-03-10T15:00:00Z', true),
                -- sev 1: acknowledged after 20 min, updated after 60, resolved after 5 h: all missed
                ('g', 'I2', 1, 'API errors', 'api', '2026-03-20T12:00:00Z', '2026-03-20T12:20:00Z', '2026-03-20T13:00:00Z', '2026-03-20T17:00:00Z', false),
                -- sev 3 (4 h / 12 h / 48 h) at 23:00 EDT on 31 March: acknowledged after 30 min; 9 h later ("now") not updated
                -- (due 15:00Z) nor resolved (due 3 April): both open
                ('g', 'I3', 3, 'Slow calls', 'voice', '2026-04-01T03:00:00Z', '2026-04-01T03:30:00Z', NULL, NULL, false),
                -- sev 4 (24 h / none / 1 week): acknowledged after 20 h (met), an update after 30 h (nothing promised),
                -- resolved after 200 h > 168 h (missed)
                ('g', 'I4', 4, 'CRM sync lag', 'crm', '2026-03-05T12:00:00Z', '2026-03-06T08:00:00Z', '2026-03-06T18:00:00Z', '2026-03-13T20:00:00Z', false),
                -- 23:30 EST on 28 February: February
                ('g', 'I5', 1, 'Old outage', 'api', '2026-03-01T04:30:00Z', '2026-03-01T04:35:00Z', '2026-03-01T05:00:00Z', '2026-03-01T06:00:00Z', false),
                -- 00:30 EDT on 1 April: April
                ('g', 'I6', 2, 'New outage', 'api', '2026-04-01T04:30:00Z', NULL, NULL, NULL, true);
            INSERT INTO incident_clients (source, incident_id, client_id) VALUES
                ('g', 'I2', 'A'), ('g', 'I3', 'B'), ('g', 'I4', 'A'), ('g', 'I4', 'B'), ('g', 'I5', 'A');
            INSERT INTO checks (source, component, checked_at, ok, latency_ms) VALUES
                -- api, unevenly spaced. 22:00 EST on 28 February, failed: carries into March until the next check, 05:00Z → 07:00Z = 2 h down
                ('g', 'api', '2026-03-01T03:00:00Z', false, NULL),
                ('g', 'api', '2026-03-01T07:00:00Z', true, 100),
                -- 01:30 EST on 8 March, failed, until 03:30 EDT: two hours on the wall clock, one hour of real time down
                ('g', 'api', '2026-03-08T06:30:00Z', false, NULL),
                ('g', 'api', '2026-03-08T07:30:00Z', true, 200),
                -- I2: five-minute checks while it is down: 12:00 → 12:10 = 10 min down
                ('g', 'api', '2026-03-20T12:00:00Z', false, NULL),
                ('g', 'api', '2026-03-20T12:05:00Z', false, NULL),
                ('g', 'api', '2026-03-20T12:10:00Z', true, 900),
                -- up from here to the end of March
                ('g', 'api', '2026-03-20T13:00:00Z', true, 300),
                -- midnight EDT on 1 April: April's; failed until "now" (12:00Z)
                ('g', 'api', '2026-04-01T04:00:00Z', false, NULL),
                -- voice: first check on 31 March (nothing measured before it), up; failed at 23:00 EDT for the last hour
                ('g', 'voice', '2026-03-31T00:00:00Z', true, 120),
                ('g', 'voice', '2026-03-31T06:00:00Z', true, 80),
                ('g', 'voice', '2026-03-31T12:00:00Z', true, 200),
                ('g', 'voice', '2026-03-31T18:00:00Z', true, 150),
                ('g', 'voice', '2026-04-01T00:00:00Z', true, 400),
                ('g', 'voice', '2026-04-01T03:00:00Z', false, NULL);
            """);
        _service = new IncidentMetricsService(_warehouse, SupportLensSettings.Default, _now);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _warehouse.Dispose();
    }

    [Fact]
    public void Severity_1_compliance_mtta_and_mttr()
    {
        var sev1 = _service.Compute(March).BySeverity.Single(s => s.Severity == 1);
        // I1 and I2 (I5 started in February).
        Assert.Equal(2, sev1.Incidents);
        // Acknowledged at 10 min (met) and 20 min (missed) against 15 min; likewise 40/60 min vs 45 and 3/5 h vs 4 h.
        Assert.Equal(new IncidentCompliance(1, 1, 0, 0), sev1.InitialResponse);
        Assert.Equal(new IncidentCompliance(1, 1, 0, 0), sev1.ClientCommunication);
        Assert.Equal(new IncidentCompliance(1, 1, 0, 0), sev1.Resolution);
        Assert.Equal(50, sev1.InitialResponse.Percent);
        // MTTA (10 + 20) / 2 = 15 min; MTTR (3 + 5) / 2 = 4 h.
        Assert.Equal(Duration.FromMinutes(15), sev1.MeanTimeToAcknowledge);
        Assert.Equal(Duration.FromHours(4), sev1.MeanTimeToResolve);
    }

    [Fact]
    public void Open_incidents_wait_and_severity_4_promises_no_communication()
    {
        var bySeverity = _service.Compute(March).BySeverity.ToDictionary(s => s.Key);
        // Every configured severity is listed, even without incidents; nothing decided is null, not 0 or 100 %.
        Assert.Equal(["1", "2", "3", "4"], bySeverity.Keys);
        Assert.Equal(0, bySeverity["2"].Incidents);
        Assert.Null(bySeverity["2"].Resolution.Percent);
        Assert.Null(bySeverity["2"].MeanTimeToAcknowledge);

        var sev3 = bySeverity["3"];
        Assert.Equal(new IncidentCompliance(1, 0, 0, 0), sev3.InitialResponse);
        Assert.Equal(new IncidentCompliance(0, 0, 1, 0), sev3.ClientCommunication);
        Assert.Equal(new IncidentCompliance(0, 0, 1, 0), sev3.Resolution);
        Assert.Null(sev3.Resolution.Percent);
        Assert.Equal(Duration.FromMinutes(30), sev3.MeanTimeToAcknowledge);
        Assert.Null(sev3.MeanTimeToResolve);

        var sev4 = bySeverity["4"];
        Assert.Equal(new IncidentCompliance(1, 0, 0, 0), sev4.InitialResponse);
        Assert.Equal(new IncidentCompliance(0, 0, 0, 1), sev4.ClientCommunication);
        Assert.Null(sev4.ClientCommunication.Percent);
        Assert.Equal(new IncidentCompliance(0, 1, 0, 0), sev4.Resolution);
        Assert.Equal(Duration.FromHours(200), sev4.MeanTimeToResolve);
    }

    [Fact]
    public void Overall_pools_every_severity()
    {
        var all = _service.Compute(March).Overall;
        Assert.Equal("all", all.Key);
        Assert.Equal(4, all.Incidents);
        // Initial response: I1, I3, I4 met, I2 missed → 75 %.
        Assert.Equal(75, all.InitialResponse.Percent);
        // Communication: I1 met, I2 missed, I3 open, I4 n/a → 50 % of the two decided.
        Assert.Equal(new IncidentCompliance(1, 1, 1, 1), all.ClientCommunication);
        // Resolution: I1 met, I2 and I4 missed, I3 open → 33.3 %.
        Assert.Equal(new IncidentCompliance(1, 2, 1, 0), all.Resolution);
        // MTTA (10 min + 20 min + 30 min + 20 h) / 4 = 1,260 / 4 = 315 min; MTTR (3 + 5 + 200 h) / 3 = 69 h 20 min.
        Assert.Equal(Duration.FromMinutes(315), all.MeanTimeToAcknowledge);
        Assert.Equal(Duration.FromMinutes(69 * 60 + 20), all.MeanTimeToResolve);
    }

    [Fact]
    public void Availability_is_time_weighted_across_the_month_start_and_dst()
    {
        var api = _service.Compute(March).Components.Single(c => c.Component == "api");
        // The February check carries in, so all 743 h are measured; down 2 h + 1 h + 10 min = 190 min.
        Assert.Equal(TimeSpan.FromHours(743), api.Measured);
        Assert.Equal(TimeSpan.FromMinutes(190), api.Down);
        // 100 · (44,580 − 190) / 44,580 = 99.57380 % (a count of checks would say 4 of 7 = 57 %).
        Assert.Equal(99.573800, api.AvailabilityPct!.Value, 6);
        Assert.Equal(7, api.Checks);
        Assert.Equal(3, api.FailedChecks);
        Assert.False(api.Availability.Met);
        Assert.Equal(99.9, api.Availability.Target);
        // Latencies 100, 200, 300, 900: p95 at position 3 · 0.95 = 2.85 → 300 + 0.85 · 600 = 810 ms, not below 500.
        Assert.Equal(810, api.P95LatencyMs!.Value, 6);
        Assert.False(api.P95Latency.Met);
        Assert.Equal(500, api.P95Latency.Target);
    }

    [Fact]
    public void Time_before_a_components_first_check_is_not_measured()
    {
        var voice = _service.Compute(March).Components.Single(c => c.Component == "voice");
        // 2026-03-31T00:00Z to the end of March at 04:00Z = 28 h measured; the last check, failed, stands for 1 h.
        Assert.Equal(TimeSpan.FromHours(28), voice.Measured);
        Assert.Equal(100.0 * 27 / 28, voice.AvailabilityPct!.Value, 9);
        // Latencies 80, 120, 150, 200, 400: position 4 · 0.95 = 3.8 → 200 + 0.8 · 200 = 360 ms, below 500.
        Assert.Equal(360, voice.P95LatencyMs!.Value, 6);
        Assert.True(voice.P95Latency.Met);
    }

    [Fact]
    public void A_component_with_an_incident_and_no_checks_is_not_measured()
    {
        var components = _service.Compute(March).Components;
        Assert.Equal(["api", "crm", "voice"], components.Select(c => c.Component));
        var crm = components.Single(c => c.Component == "crm");
        Assert.Null(crm.AvailabilityPct);
        Assert.Null(crm.Availability.Met);
        Assert.Null(crm.P95LatencyMs);
        Assert.Equal(TimeSpan.Zero, crm.Measured);
    }

    [Fact]
    public void A_period_still_running_is_measured_up_to_now()
    {
        var april = _service.Compute(ReportingPeriod.Month("2026-04", NewYork));
        // api: the failed check at 04:00Z stands for the 8 h to "now", 12:00Z, not for the rest of April.
        var api = april.Components.Single(c => c.Component == "api");
        Assert.Equal(TimeSpan.FromHours(8), api.Measured);
        Assert.Equal(0, api.AvailabilityPct);
        // voice has no check in April and no incident there: not listed. March's last voice check does not carry in.
        Assert.DoesNotContain(april.Components, c => c.Component == "voice");
        // I6, severity 2 at 04:30Z, nothing done after 7.5 h: initial response (1 h) missed, communication (4 h) missed,
        // resolution (12 h) open.
        var sev2 = april.BySeverity.Single(s => s.Severity == 2);
        Assert.Equal(new IncidentCompliance(0, 1, 0, 0), sev2.InitialResponse);
        Assert.Equal(new IncidentCompliance(0, 0, 1, 0), sev2.Resolution);
    }

    [Fact]
    public void Incidents_for_a_client_are_the_ones_hitting_all_and_the_ones_naming_it()
    {
        // A, oldest first: I4 (named, 5 March), I1 (everyone), I2 (named); I5 named A but started in February.
        var a = _service.IncidentsForClient("A", March);
        Assert.Equal(["I4", "I1", "I2"], a.Select(i => i.IncidentId));
        Assert.True(a[1].AffectsAll);
        Assert.False(a[0].AffectsAll);
        Assert.Equal(IncidentTargetStatus.Missed, a[2].Evaluation.InitialResponse.Status);
        // B: I4, I1, I3 (named; still open as of now).
        var b = _service.IncidentsForClient("B", March);
        Assert.Equal(["I4", "I1", "I3"], b.Select(i => i.IncidentId));
        Assert.Equal(IncidentTargetStatus.Open, b[2].Evaluation.Resolution.Status);
        // A client named nowhere still had the incident that hit everyone.
        Assert.Equal(["I1"], _service.IncidentsForClient("Z", March).Select(i => i.IncidentId));
    }

    [Fact]
    public void An_empty_period_measures_nothing()
    {
        var empty = _service.Compute(ReportingPeriod.Month("2020-01", NewYork));
        Assert.Equal(0, empty.Overall.Incidents);
        Assert.Null(empty.Overall.InitialResponse.Percent);
        Assert.Null(empty.Overall.MeanTimeToResolve);
        Assert.Empty(empty.Components);
    }
}
