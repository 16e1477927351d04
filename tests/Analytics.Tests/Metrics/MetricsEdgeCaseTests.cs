using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Tests.Metrics;

/// <summary>The edge cases of issue 5, end to end through the metrics service (hand-computed, arithmetic in comments).</summary>
public sealed class MetricsEdgeCaseTests : IDisposable
{
    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);
    private readonly WarehouseConnection _connection;
    private readonly MetricsService _service;

    public MetricsEdgeCaseTests()
    {
        _connection = _warehouse.OpenConnection();
        // Friday 30 October 2026 is declared a company holiday; clocks in New York fall back on Sunday 1 November.
        var json = SupportLensSettings.Default.ToJson();
        var withHoliday = json.Replace("\"dates\": []", "\"dates\": [\"2026-10-30\"]", StringComparison.Ordinal);
        Assert.NotEqual(json, withHoliday);
        var settings = SupportLensSettings.Parse(withHoliday);
        var time = new FixedTime(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        _service = new MetricsService(_warehouse, settings);
        _connection.ExecuteNonQuery("""
            INSERT INTO clients (client_id, source, name, tier) VALUES ('S', 'generic', 'Small', 'starter');
            INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, priority, status, first_response_at, solved_at, agent_replies, reopens) VALUES
                -- Holiday evening before the DST change: Fri 30 Oct 20:00 EDT = Sat 00:00Z. Answered Mon 2 Nov 09:30 EST
                -- = 14:30Z: closed Fri (holiday), Sat, Sun, so 30 business minutes. Solved Tue 3 Nov 10:00 EST = 15:00Z:
                -- Mon 9 h + Tue 1 h = 600 minutes, inside 24 h.
                ('g', 'H', 'S', '2026-10-31T00:00:00Z', 'email', 'normal', 'solved', '2026-11-02T14:30:00Z', '2026-11-03T15:00:00Z', 1, 0),
                -- Outside hours, answered before opening: Tue 10 Nov 06:00 EST, answered 08:30 EST: 0 business minutes.
                -- Solved Tue 10 Nov 09:15 EST: 15 business minutes.
                ('g', 'N', 'S', '2026-11-10T11:00:00Z', 'chat', 'normal', 'solved', '2026-11-10T13:30:00Z', '2026-11-10T14:15:00Z', 1, 0);
            INSERT INTO nps_responses (source, response_id, client_id, responded_at, score) VALUES
                ('g', 'p1', 'S', '2026-11-05T12:00:00Z', 7), ('g', 'p2', 'S', '2026-11-06T12:00:00Z', 8);
            """);
        new RefreshService(_warehouse, DerivedTables.All(settings, time), time).Run();
    }

    public void Dispose()
    {
        _connection.Dispose();
        _warehouse.Dispose();
    }

    [Fact]
    public void By_channel_a_period_without_nps_answers_has_no_empty_group_for_them()
    {
        // NPS answers have no channel and count under "(none)"; the two answers are in November, so October 30–31 has
        // only ticket H (email): no "(none)" row of zeros and dashes.
        var october = _service.Compute(_service.Between("2026-10-30", "2026-10-31"), MetricsGrouping.Channel);
        Assert.Equal(["email"], october.Groups.Select(g => g.Key));
        var november = _service.Compute(_service.Month("2026-11"), MetricsGrouping.Channel).Groups.ToDictionary(g => g.Key);
        Assert.Equal(2, november["(none)"].Nps.Responses);
    }

    [Fact]
    public void Holiday_evening_before_dst_and_answered_before_opening()
    {
        var period = _service.Between("2026-10-30", "2026-11-30");
        var all = Assert.Single(_service.Compute(period, MetricsGrouping.All).Groups);
        Assert.Equal(new SlaCompliance(2, 0, 0), all.SlaFirstResponse);
        Assert.Equal(new SlaCompliance(2, 0, 0), all.SlaResolution);
        // First responses: 30 and 0 business minutes; resolutions 10 h and 0.25 h.
        Assert.Equal(15, all.FirstResponseBusinessMinutes.P50!.Value, 6);
        Assert.Equal(27, all.FirstResponseBusinessMinutes.P90!.Value, 6);
        Assert.Equal(5.125, all.ResolutionBusinessHours.P50!.Value, 6);
        // Calendar time for the same first responses: 62.5 h and 2.5 h.
        Assert.Equal(32.5 * 60, all.FirstResponseMinutes.P50!.Value, 6);
    }

    [Fact]
    public void All_passives_and_no_csat_responses()
    {
        var all = Assert.Single(_service.Compute(_service.Month("2026-11"), MetricsGrouping.All).Groups);
        Assert.Equal(0.0, all.Nps.Score);
        Assert.Equal(0.0, all.Nps.MarginOfError);
        Assert.Null(all.Csat.Percent);
        Assert.DoesNotContain(all.Targets, t => t.Metric == "csat_pct");
    }
}
