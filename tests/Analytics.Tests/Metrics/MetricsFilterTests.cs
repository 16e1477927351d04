using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Metrics;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Tests.Metrics;

/// <summary>
/// A filter counts exactly the rows of one group of the matching split: metrics filtered to tier T equal the "T" group of
/// the split by tier (and so on for clients, channels and success managers), whatever the figure.
/// </summary>
public sealed class MetricsFilterTests : IDisposable
{
    private readonly Warehouse _warehouse = Warehouse.InMemory(TimeProvider.System);
    private readonly MetricsService _service;
    private readonly ReportingPeriod _october;

    public MetricsFilterTests()
    {
        using (var connection = _warehouse.OpenConnection())
        {
            connection.ExecuteNonQuery("""
                INSERT INTO clients (client_id, source, name, tier, success_manager) VALUES
                    ('A', 'g', 'Acme', 'starter', 'Ana'), ('B', 'g', 'Bolt', 'enterprise', 'Ben'), ('C', 'g', 'Cog', 'enterprise', 'Ana');
                INSERT INTO tickets (source, ticket_id, client_id, created_at, channel, status, first_response_at, solved_at, agent_replies, reopens, escalated) VALUES
                    ('g', '1', 'A', '2026-10-02T14:00:00Z', 'email', 'solved', '2026-10-02T14:30:00Z', '2026-10-02T18:00:00Z', 1, 0, false),
                    ('g', '2', 'A', '2026-10-03T14:00:00Z', 'chat', 'solved', '2026-10-03T14:05:00Z', '2026-10-03T15:00:00Z', 3, 1, true),
                    ('g', '3', 'B', '2026-10-04T14:00:00Z', 'chat', 'solved', '2026-10-04T16:00:00Z', '2026-10-05T15:00:00Z', 1, 0, false),
                    ('g', '4', 'B', '2026-10-05T14:00:00Z', 'phone', 'open', NULL, NULL, 0, 0, false),
                    ('g', '5', 'C', '2026-10-06T14:00:00Z', 'email', 'solved', '2026-10-06T14:10:00Z', '2026-10-06T15:00:00Z', 1, 0, true),
                    ('g', '6', 'C', '2026-10-20T14:00:00Z', 'chat', 'closed', '2026-10-20T14:10:00Z', '2026-10-21T15:00:00Z', 2, 0, false);
                INSERT INTO csat_responses (source, response_id, ticket_id, client_id, responded_at, score, good) VALUES
                    ('g', 'r1', '1', 'A', '2026-10-03T10:00:00Z', 5, true), ('g', 'r2', '2', 'A', '2026-10-04T10:00:00Z', 1, false),
                    ('g', 'r3', '3', 'B', '2026-10-06T10:00:00Z', 4, true), ('g', 'r6', '6', 'C', '2026-10-22T10:00:00Z', 2, false);
                INSERT INTO nps_responses (source, response_id, client_id, responded_at, score) VALUES
                    ('g', 'n1', 'A', '2026-10-10T10:00:00Z', 10), ('g', 'n2', 'B', '2026-10-10T10:00:00Z', 3), ('g', 'n3', 'C', '2026-10-10T10:00:00Z', 9);
                """);
        }
        var time = new FixedTime(new DateTimeOffset(2026, 11, 1, 12, 0, 0, TimeSpan.Zero));
        new RefreshService(_warehouse, DerivedTables.All(SupportLensSettings.Default, time), time).Run();
        _service = new MetricsService(_warehouse, SupportLensSettings.Default);
        _october = _service.Month("2026-10");
    }

    public void Dispose() => _warehouse.Dispose();

    public static TheoryData<MetricsGrouping, string> Groups => new()
    {
        { MetricsGrouping.Tier, "starter" }, { MetricsGrouping.Tier, "enterprise" },
        { MetricsGrouping.Client, "A" }, { MetricsGrouping.Client, "B" }, { MetricsGrouping.Client, "C" },
        { MetricsGrouping.Channel, "email" }, { MetricsGrouping.Channel, "chat" }, { MetricsGrouping.Channel, "phone" },
        { MetricsGrouping.SuccessManager, "Ana" }, { MetricsGrouping.SuccessManager, "Ben" },
    };

    [Theory]
    [MemberData(nameof(Groups))]
    public void A_filter_equals_the_matching_group_of_the_split(MetricsGrouping grouping, string key)
    {
        var filter = grouping switch
        {
            MetricsGrouping.Tier => new MetricsFilter(Tier: key),
            MetricsGrouping.Client => new MetricsFilter(Clients: new HashSet<string> { key }),
            MetricsGrouping.Channel => new MetricsFilter(Channel: key),
            _ => new MetricsFilter(SuccessManager: key),
        };
        var filtered = _service.Compute(_october, MetricsGrouping.All, filter: filter).Groups.Single();
        var group = _service.Compute(_october, grouping).Groups.Single(g => g.Key == key);
        Assert.Equal("all", filtered.Key);
        Assert.Equal(group, filtered with { Key = group.Key, Targets = group.Targets });
        Assert.Equal(group.Targets, filtered.Targets);
    }

    [Fact]
    public void Filters_combine()
    {
        // Enterprise clients of Ana: only C (tickets 5 and 6); of those, chat: ticket 6.
        var all = _service.Compute(_october, MetricsGrouping.All, filter: new MetricsFilter(Tier: "enterprise", SuccessManager: "Ana")).Groups.Single();
        Assert.Equal(2, all.TicketsCreated);
        var chat = _service.Compute(_october, MetricsGrouping.All, filter: new MetricsFilter(Tier: "enterprise", SuccessManager: "Ana", Channel: "chat")).Groups.Single();
        Assert.Equal(1, chat.TicketsCreated);
        // CSAT r6 surveyed ticket 6 (chat): 0 good of 1. NPS has no channel: not measured, not 0.
        Assert.Equal(new Proportion(0, 1), chat.Csat);
        Assert.Null(chat.Nps.Score);
    }

    [Fact]
    public void An_empty_client_set_matches_nothing()
    {
        var none = _service.Compute(_october, MetricsGrouping.All, filter: new MetricsFilter(Clients: new HashSet<string>())).Groups.Single();
        Assert.Equal(0, none.TicketsCreated);
        Assert.Null(none.Csat.Percent);
        Assert.Null(none.Nps.Score);
        Assert.Null(none.SlaFirstResponse.Percent);
    }

    [Fact]
    public void The_key_names_every_part()
    {
        Assert.Equal("*|*|*|*", MetricsFilter.None.Key);
        Assert.Equal("business|A,B|chat|Ana", new MetricsFilter("business", new HashSet<string> { "B", "A" }, "chat", "Ana").Key);
    }
}
