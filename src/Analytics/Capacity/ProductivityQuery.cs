using System.Globalization;
using System.Text;
using NodaTime;
using SupportLens.Analytics.Sql;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Capacity;

/// <summary>
/// Measures agent productivity from the tickets' agents and solve times and the roster. Each agent belongs to the shift
/// in whose hours most of their solves fall (a solve in two overlapping shifts counts half to each); all of an
/// agent's solves in the window count for that shift, since a ticket is often solved hours after the agent's work on
/// it. A shift's agent-hours are its rostered agents × its hours in the window (DST-aware, in the shift's own zone),
/// and the productive part is that × (1 − shrinkage). Those hours are shared over channels as each of the shift's
/// agents' solves are (an agent who only answers email spends their hours on email), which assumes one ticket of a
/// channel costs an agent about as much as another of the same channel.
/// </summary>
internal static class ProductivityQuery
{
    public static AgentProductivity Measure(WarehouseConnection connection, IReadOnlyList<Shift> shifts, MeasurementWindow window, double shrinkage)
    {
        var occurrences = Occurrences(shifts, window);
        var hoursByShift = new double[shifts.Count];
        foreach (var (shift, start, end) in occurrences)
        {
            hoursByShift[shift] += (end - start).TotalHours;
        }

        var solves = AgentSolves(connection, window);
        var homes = HomeShifts(connection, window, occurrences);
        var withoutAgent = solves.Where(s => s.Agent is null).Sum(s => s.Solved);

        var shiftRows = new List<ShiftProductivity>();
        var channelSolved = new Dictionary<string, long>(StringComparer.Ordinal);
        var channelHours = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < shifts.Count; i++)
        {
            var agents = homes.Where(h => h.Value == i).Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
            var theirs = solves.Where(s => s.Agent is not null && agents.Contains(s.Agent)).ToArray();
            var rostered = shifts[i].Agents * hoursByShift[i];
            var productive = rostered * (1 - shrinkage);
            var perAgent = agents.Count == 0 ? 0 : productive / agents.Count;
            var channels = theirs
                .GroupBy(s => s.Channel, StringComparer.Ordinal)
                .Select(g =>
                {
                    // Each agent's hours, shared over channels as their solves are.
                    var hours = g.Sum(s => perAgent * s.Solved / theirs.Where(t => t.Agent == s.Agent).Sum(t => t.Solved));
                    var solved = g.Sum(s => s.Solved);
                    channelSolved[g.Key] = channelSolved.GetValueOrDefault(g.Key) + solved;
                    channelHours[g.Key] = channelHours.GetValueOrDefault(g.Key) + hours;
                    return new ChannelProductivity(g.Key, solved, hours, Rate(solved, hours));
                })
                .OrderBy(c => ChannelRank(c.Channel)).ThenBy(c => c.Channel, StringComparer.Ordinal)
                .ToArray();
            var total = theirs.Sum(s => s.Solved);
            shiftRows.Add(new ShiftProductivity(shifts[i].Name, shifts[i].Agents, agents.Count, rostered, productive, total,
                agents.Count == 0 ? null : Rate(total, productive), channels));
        }

        var outside = solves.Where(s => s.Agent is not null && !homes.ContainsKey(s.Agent)).Sum(s => s.Solved);
        var roster = channelSolved.Keys
            .OrderBy(ChannelRank).ThenBy(c => c, StringComparer.Ordinal)
            .Select(c => new ChannelProductivity(c, channelSolved[c], channelHours[c], Rate(channelSolved[c], channelHours[c])))
            .ToArray();
        return new AgentProductivity(window.From, window.To, shiftRows, roster, withoutAgent, outside);
    }

    /// <summary>Every stretch a shift works inside the window, as (shift index, start, end) instants.</summary>
    internal static List<(int Shift, Instant Start, Instant End)> Occurrences(IReadOnlyList<Shift> shifts, MeasurementWindow window)
    {
        var result = new List<(int, Instant, Instant)>();
        for (var i = 0; i < shifts.Count; i++)
        {
            // A shift's local dates can run a day either side of the reporting zone's.
            for (var date = window.From.PlusDays(-2); date <= window.To.PlusDays(1); date = date.PlusDays(1))
            {
                if (!shifts[i].WorksOn(date))
                {
                    continue;
                }

                var (start, end) = shifts[i].On(date);
                start = Instant.Max(start, window.Start);
                end = Instant.Min(end, window.End);
                if (end > start)
                {
                    result.Add((i, start, end));
                }
            }
        }

        return result;
    }

    private static double? Rate(long solved, double hours) => hours > 0 ? solved / hours : null;

    private static List<AgentSolve> AgentSolves(WarehouseConnection connection, MeasurementWindow window)
    {
        using var command = connection.CreateCommand($"""
            SELECT agent_id, channel, count(*) FROM tickets
            WHERE status IN ('solved', 'closed')
              AND coalesce(solved_at, closed_at) >= {SqlInstant.Literal(window.Start.ToDateTimeOffset())}
              AND coalesce(solved_at, closed_at) < {SqlInstant.Literal(window.End.ToDateTimeOffset())}
            GROUP BY ALL
            """);
        using var reader = command.ExecuteReader();
        var rows = new List<AgentSolve>();
        while (reader.Read())
        {
            rows.Add(new AgentSolve(reader.GetNullableString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return rows;
    }

    /// <summary>Each agent's shift: where most of their solve instants fall (ties go to the first shift of the roster).</summary>
    private static Dictionary<string, int> HomeShifts(WarehouseConnection connection, MeasurementWindow window, List<(int Shift, Instant Start, Instant End)> occurrences)
    {
        var homes = new Dictionary<string, int>(StringComparer.Ordinal);
        if (occurrences.Count == 0)
        {
            return homes;
        }

        var values = new StringBuilder();
        foreach (var (shift, start, end) in occurrences)
        {
            values.Append(values.Length == 0 ? string.Empty : ", ").Append(CultureInfo.InvariantCulture,
                $"({shift}, {SqlInstant.Literal(start.ToDateTimeOffset())}, {SqlInstant.Literal(end.ToDateTimeOffset())})");
        }

        using var command = connection.CreateCommand($"""
            WITH shift_hours(shift, starts, ends) AS (VALUES {values}),
            hits AS (
                SELECT t.source, t.ticket_id, t.agent_id, o.shift
                FROM tickets t JOIN shift_hours o ON coalesce(t.solved_at, t.closed_at) >= o.starts AND coalesce(t.solved_at, t.closed_at) < o.ends
                WHERE t.agent_id IS NOT NULL AND t.status IN ('solved', 'closed')
                  AND coalesce(t.solved_at, t.closed_at) >= {SqlInstant.Literal(window.Start.ToDateTimeOffset())}
                  AND coalesce(t.solved_at, t.closed_at) < {SqlInstant.Literal(window.End.ToDateTimeOffset())})
            SELECT agent_id, shift, sum(weight) AS solves
            FROM (SELECT agent_id, shift, 1.0 / count(*) OVER (PARTITION BY source, ticket_id) AS weight FROM hits)
            GROUP BY ALL
            ORDER BY agent_id, solves DESC, shift
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            homes.TryAdd(reader.GetString(0), reader.GetInt32(1));
        }

        return homes;
    }

    private static readonly string[] ChannelOrder = ["email", "chat", "phone", "web", "api"];

    private static int ChannelRank(string channel) => Array.IndexOf(ChannelOrder, channel) is var i and >= 0 ? i : ChannelOrder.Length;

    private sealed record AgentSolve(string? Agent, string Channel, long Solved);
}
