using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Tests.Metrics;

/// <summary>
/// Metrics of March 2026 in America/New_York over a hand-built history. March starts at 2026-03-01T05:00Z (EST)
/// and ends at 2026-04-01T04:00Z (EDT: DST began on 8 March). "Now" is 2026-04-01T12:00Z. Every expected figure
/// is worked out in comments.
/// </summary>
public sealed class MetricsGoldenTests : IDisposable
{
    private static readonly DateTimeZone NewYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);
    private readonly WarehouseConnection _connection;
    private readonly MetricsService _service;

    public MetricsGoldenTests()
    {
        _connection = _warehouse.OpenConnection();
        _connection.ExecuteNonQuery("""
            INSERT INTO clients (client_id, source, name, tier, success_manager) VALUES
                ('A', 'generic', 'Acme', 'starter', 'Ana'),
                ('B', 'generic', 'Bolt', 'enterprise', 'Ben');
            INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, priority, status, first_response_at, solved_at, agent_replies, reopens, escalated) VALUES
                -- in March, solved in March, one touch
                ('g', 'T1', 'A', '2026-03-02T14:00:00Z', 'email', 'normal', 'solved', '2026-03-02T14:30:00Z', '2026-03-02T18:00:00Z', 1, 0, false),
                -- in March, escalated, three replies
                ('g', 'T2', 'A', '2026-03-10T13:00:00Z', 'chat', 'high', 'solved', '2026-03-10T13:10:00Z', '2026-03-11T13:00:00Z', 3, 0, true),
                -- 19:30 EDT on 31 March: still March locally; open at the end of the month
                ('g', 'T3', 'B', '2026-03-31T23:30:00Z', 'phone', 'urgent', 'open', '2026-03-31T23:45:00Z', NULL, 1, 0, false),
                -- 00:30 EDT on 1 April: April
                ('g', 'T4', 'B', '2026-04-01T04:30:00Z', 'email', 'normal', 'open', NULL, NULL, 0, 0, false),
                -- created in February, solved in March, reopened
                ('g', 'T5', 'B', '2026-02-27T15:00:00Z', 'web', 'normal', 'solved', '2026-02-27T15:05:00Z', '2026-03-01T15:00:00Z', 1, 1, false),
                -- 23:30 EST on 28 February: February; solved in March with no reply (one touch)
                ('g', 'T6', 'A', '2026-03-01T04:30:00Z', 'email', 'low', 'closed', NULL, '2026-03-05T00:00:00Z', 0, 0, false);
            INSERT INTO csat_responses (source, response_id, ticket_id, client_id, responded_at, score, good) VALUES
                ('g', 'R1', 'T1', 'A', '2026-03-03T12:00:00Z', 5, true),
                ('g', 'R2', 'T2', 'A', '2026-03-12T12:00:00Z', 2, false),
                ('g', 'R3', 'T3', 'B', '2026-03-20T12:00:00Z', NULL, true),
                ('g', 'R4', NULL, 'B', '2026-04-01T03:59:00Z', 4, true),
                ('g', 'R5', NULL, 'A', '2026-04-01T04:00:00Z', 1, false);
            INSERT INTO nps_responses (source, response_id, client_id, responded_at, score) VALUES
                ('g', 'N1', 'A', '2026-03-05T12:00:00Z', 10), ('g', 'N2', 'A', '2026-03-05T12:00:00Z', 9),
                ('g', 'N3', 'A', '2026-03-05T12:00:00Z', 7), ('g', 'N4', 'B', '2026-03-05T12:00:00Z', 3),
                ('g', 'N5', 'B', '2026-03-05T12:00:00Z', 6), ('g', 'N6', 'B', '2026-03-05T12:00:00Z', 10),
                ('g', 'N7', 'A', '2026-02-28T12:00:00Z', 0);
            """);
        var time = new FixedTime(new DateTimeOffset(2026, 4, 1, 12, 0, 0, TimeSpan.Zero));
        new RefreshService(_warehouse, DerivedTables.All(SupportLensSettings.Default, time), time).Run();
        _service = new MetricsService(_warehouse, SupportLensSettings.Default);
    }

    public void Dispose()
    {
        _connection.Dispose();
        _warehouse.Dispose();
    }

    private MetricsReport March(MetricsGrouping grouping) => _service.Compute(ReportingPeriod.Month("2026-03", NewYork), grouping);

    [Fact]
    public void Period_bounds_follow_local_midnight_across_dst()
    {
        var march = ReportingPeriod.Month("2026-03", NewYork);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 5, 0, 0, TimeSpan.Zero), march.StartUtc);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 4, 0, 0, TimeSpan.Zero), march.EndUtc);
        Assert.Equal(new LocalDate(2026, 3, 31), march.To);
    }

    [Fact]
    public void Whole_month()
    {
        var all = Assert.Single(March(MetricsGrouping.All).Groups);
        Assert.Equal("all", all.Key);
        // Created in March: T1, T2, T3 (T4 is April, T5 and T6 February).
        Assert.Equal(3, all.TicketsCreated);
        // Escalated: T2 of 3.
        Assert.Equal(new Proportion(1, 3), all.Escalations);
        // First responses of T1, T2, T3: 30, 10, 15 min → p50 15; p90 at position 1.8: 15 + .8·(30 − 15) = 27.
        Assert.Equal(15, all.FirstResponseMinutes.P50!.Value, 6);
        Assert.Equal(27, all.FirstResponseMinutes.P90!.Value, 6);
        // Solved in March: T1, T2, T5, T6; one touch: T1, T6 → 50 %; reopened: T5 → 25 %.
        Assert.Equal(4, all.TicketsSolved);
        Assert.Equal(new Proportion(2, 4), all.FirstContactResolution);
        Assert.Equal(new Proportion(1, 4), all.Reopens);
        // Resolution hours 4, 24, 48, 91.5 → p50 36; p90 at position 2.7: 48 + .7·43.5 = 78.45.
        Assert.Equal(36, all.ResolutionHours.P50!.Value, 6);
        Assert.Equal(78.45, all.ResolutionHours.P90!.Value, 6);
        // Open at 2026-04-01T04:00Z: T3 only, 4.5 hours old.
        Assert.Equal(new Backlog(1, 4.5, 4.5), all.Backlog);
        // CSAT R1..R4 (R4 at 23:59 EDT on 31 March counts; R5 at midnight does not): 3 good of 4.
        Assert.Equal(new Proportion(3, 4), all.Csat);
        // NPS N1..N6: 3 promoters, 1 passive, 2 detractors.
        Assert.Equal(new NetPromoterScore(3, 1, 2), all.Nps);
    }

    [Fact]
    public void Sla_on_business_calendars_as_of_now()
    {
        var all = Assert.Single(March(MetricsGrouping.All).Groups);
        // T1, starter (Mon-Fri 09-18 New York): created Mon 2 Mar 09:00 EST, answered 09:30 (30 business min, due 17:00),
        //   solved 13:00 (240 min; due Wed 4 Mar 15:00 after 9 + 9 + 6 h).
        // T2, starter: created Tue 10 Mar 09:00 EDT, answered 09:10 (10 min), solved Wed 09:00 (9 h = 540 min).
        // T3, enterprise (24x7, 1 h / 4 h): answered after 15 min; unsolved, due 2026-04-01T03:30Z, breached at 12:00Z.
        Assert.Equal(new SlaCompliance(3, 0, 0), all.SlaFirstResponse);
        Assert.Equal(new SlaCompliance(2, 1, 0), all.SlaResolution);
        Assert.Equal(66.67, all.SlaResolution.Percent!.Value, 2);
        // First responses 30, 10, 15 business minutes; resolutions 4 and 9 business hours.
        Assert.Equal(15, all.FirstResponseBusinessMinutes.P50!.Value, 6);
        Assert.Equal(27, all.FirstResponseBusinessMinutes.P90!.Value, 6);
        Assert.Equal(6.5, all.ResolutionBusinessHours.P50!.Value, 6);
        Assert.Equal(8.5, all.ResolutionBusinessHours.P90!.Value, 6);
    }

    [Fact]
    public void Targets_weigh_tier_targets_by_the_group_mix()
    {
        var all = Assert.Single(March(MetricsGrouping.All).Groups).Targets.ToDictionary(t => t.Metric);
        // CSAT responses: two starter (target 85), two enterprise (98): (2·85 + 2·98)/4 = 91.5; actual 75 → missed by 16.5.
        Assert.Equal(91.5, all["csat_pct"].Target, 6);
        Assert.False(all["csat_pct"].Met);
        Assert.Equal(-16.5, all["csat_pct"].Margin!.Value, 6);
        // FCR-eligible solves: T1, T2, T6 starter, T5 enterprise: (3·85 + 98)/4 = 88.25.
        Assert.Equal(88.25, all["fcr_pct"].Target, 6);
        // Escalations 33.3 % against "below 10 %": missed by 23.3 points.
        Assert.False(all["escalation_pct"].Met);
        Assert.Equal(-23.33, all["escalation_pct"].Margin!.Value, 2);
        Assert.True(all["sla_first_response_pct"].Met);
        Assert.False(all["nps"].Met);

        var enterprise = March(MetricsGrouping.Tier).Groups.Single(g => g.Key == "enterprise").Targets.ToDictionary(t => t.Metric);
        Assert.Equal(98, enterprise["csat_pct"].Target);
        Assert.True(enterprise["csat_pct"].Met);
    }

    [Fact]
    public void By_tier_in_service_order()
    {
        var groups = March(MetricsGrouping.Tier).Groups;
        Assert.Equal(["starter", "enterprise"], groups.Select(g => g.Key));
        var starter = groups[0];
        Assert.Equal(2, starter.TicketsCreated);
        Assert.Equal(new Proportion(2, 3), starter.FirstContactResolution);
        Assert.Equal(new Proportion(1, 2), starter.Csat);
        Assert.Equal(66.67, starter.Nps.Score!.Value, 2);
        Assert.Equal(0, starter.Backlog.Open);
        var enterprise = groups[1];
        Assert.Equal(1, enterprise.TicketsCreated);
        Assert.Equal(new Proportion(0, 1), enterprise.FirstContactResolution);
        Assert.Equal(new Proportion(1, 1), enterprise.Reopens);
        Assert.Equal(new Proportion(2, 2), enterprise.Csat);
        Assert.Equal(-33.33, enterprise.Nps.Score!.Value, 2);
        Assert.Equal(1, enterprise.Backlog.Open);
    }

    [Fact]
    public void By_channel_csat_follows_the_surveyed_ticket()
    {
        var groups = March(MetricsGrouping.Channel).Groups.ToDictionary(g => g.Key);
        Assert.Equal(new Proportion(1, 1), groups["email"].Csat);
        Assert.Equal(new Proportion(0, 1), groups["chat"].Csat);
        Assert.Equal(new Proportion(1, 1), groups["phone"].Csat);
        Assert.Equal(new Proportion(1, 1), groups["(none)"].Csat);
        Assert.Equal(1, groups["web"].TicketsSolved);
        Assert.Equal(2, groups["email"].TicketsSolved);
    }

    [Fact]
    public void By_success_manager_and_client()
    {
        Assert.Equal(["Ana", "Ben"], March(MetricsGrouping.SuccessManager).Groups.Select(g => g.Key));
        Assert.Equal(["A", "B"], March(MetricsGrouping.Client).Groups.Select(g => g.Key));
    }

    [Fact]
    public void By_month_over_two_months_splits_at_local_midnight()
    {
        var period = ReportingPeriod.Between("2026-02-01", "2026-03-31", NewYork);
        var groups = _service.Compute(period, MetricsGrouping.Month).Groups.ToDictionary(g => g.Key);
        // February: T5, T6 created; N7 a detractor; backlog at 1 March 05:00Z: T5 (solved 15:00Z) and T6.
        Assert.Equal(2, groups["2026-02"].TicketsCreated);
        Assert.Equal(new NetPromoterScore(0, 0, 1), groups["2026-02"].Nps);
        Assert.Equal(2, groups["2026-02"].Backlog.Open);
        Assert.Equal(3, groups["2026-03"].TicketsCreated);
        Assert.Equal(1, groups["2026-03"].Backlog.Open);
    }

    [Fact]
    public void An_empty_period_reports_one_group_with_nothing_measured()
    {
        var empty = Assert.Single(_service.Compute(ReportingPeriod.Month("2020-01", NewYork), MetricsGrouping.All).Groups);
        Assert.Equal(0, empty.TicketsCreated);
        Assert.Null(empty.Csat.Percent);
        Assert.Null(empty.Nps.Score);
        Assert.Null(empty.FirstContactResolution.Percent);
    }
}
