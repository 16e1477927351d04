using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Refresh;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Health.Daily;

/// <summary>
/// Which clients' health, from which day on, could have changed since the client-health tables were last refreshed.
/// Every fact of a day's score is an item whose window starts on its own day (a ticket's creation or solve, an answer, an
/// incident's start, a spike) and reaches forward from there, so a client's scores can only change from the first day of
/// an item loaded since (every loaded row carries its batch id) and the trends that look back at them. Besides:
/// <list type="bullet">
/// <item>a tickets horizon that moved re-judges open SLA targets, whose breaches become known from the old horizon's day;</item>
/// <item>new days at the end of the history;</item>
/// <item>spike verdicts, which the spikes table rewrites whole, compared day by day with the stored inputs.</item>
/// </list>
/// What no batch mark can place (clients, settings or SLA policies changed, an earlier first day, the first NPS answers
/// or incidents ever loaded) rebuilds everything. A ticket's creation time is taken as fixed: a re-sent ticket is placed by
/// its new version (refresh --force rebuilds all if an export ever moves one).
/// </summary>
internal sealed class HealthChanges(HealthInputsQuery query, DateTimeZone zone, string name)
{
    private string BasisName => name + ":basis";

    private string HorizonsName => name + ":horizons";

    /// <summary>What, when it changes, changes every score in a way no batch can place.</summary>
    public static string Basis(WarehouseConnection connection, string settings, LocalDate first, HealthGlobals globals)
    {
        using var command = connection.CreateCommand("""
            SELECT concat_ws('|',
                (SELECT concat_ws('/', count(*), max(batch_id), max(updated_at)) FROM clients),
                (SELECT coalesce(string_agg(DISTINCT policy, ','), '') FROM sla_ledger_state))
            """);
        return string.Join('|', settings, command.ExecuteScalar<string>(), first.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            globals.FirstNpsDay?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) ?? "-", globals.IncidentData);
    }

    /// <summary>
    /// Per client, the first day to recompute (every client from the first day when everything must be rebuilt, or
    /// when <paramref name="force"/>d); an empty map when nothing changed.
    /// </summary>
    public Dictionary<string, LocalDate> Find(
        WarehouseConnection connection, IReadOnlyCollection<string> clients, string basis, LocalDate first, LocalDate last)
    {
        var mark = DerivedState.GetMark(connection, name);
        var storedHorizons = Horizons.Parse(DerivedState.Get(connection, HorizonsName));
        if (mark is null || DerivedState.Get(connection, BasisName) != basis || storedHorizons is null)
        {
            return clients.ToDictionary(c => c, _ => first, StringComparer.Ordinal);
        }
        var from = new Dictionary<string, LocalDate>(StringComparer.Ordinal);
        void Touch(string client, LocalDate day)
        {
            day = LocalDate.Max(day, first);
            if (!from.TryGetValue(client, out var known) || day < known)
            {
                from[client] = day;
            }
        }
        void TouchAll(LocalDate day)
        {
            foreach (var client in clients)
            {
                Touch(client, day);
            }
        }

        using (var command = connection.CreateCommand(ChangedSince(mark.Value)))
        {
            command.Parameters.Add("zone", zone.Id);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var day = LocalDate.FromDateOnly(reader.GetDateOnly(1));
                if (reader.IsDBNull(0))
                {
                    TouchAll(day);
                }
                else
                {
                    Touch(reader.GetString(0), day);
                }
            }
        }

        var now = Horizons.Read(connection);
        if (now.Tickets != storedHorizons.Tickets)
        {
            // Open targets were judged at the old horizons: a breach found now became known after the earliest of them.
            TouchAll(storedHorizons.EarliestTicketDay(zone) ?? first);
        }
        if (last > storedHorizons.LastDay)
        {
            TouchAll(storedHorizons.LastDay.PlusDays(1));
        }
        foreach (var (client, day) in query.SpikeChanges(connection, first, LocalDate.Min(last, storedHorizons.LastDay)))
        {
            Touch(client, day);
        }
        return from;
    }

    /// <summary>Remembers what this refresh saw, for the next one to compare with.</summary>
    public void Save(WarehouseConnection connection, long batchMark, string basis, LocalDate? last, DateTimeOffset at)
    {
        DerivedState.SetMark(connection, name, batchMark, at);
        DerivedState.Set(connection, BasisName, basis, at);
        DerivedState.Set(connection, HorizonsName, last is { } day ? Horizons.Read(connection).Text(day) : "-", at);
    }

    // The first day each row loaded after the mark reaches, by client (NULL: every client, for incidents that may have
    // named others before).
    private static string ChangedSince(long mark)
    {
        var since = mark.ToString(CultureInfo.InvariantCulture);
        return $"""
            SELECT client_id, min(day) FROM (
                SELECT client_id, CAST(timezone($zone, created_at) AS DATE) AS day
                FROM tickets WHERE batch_id > {since} OR batch_id IS NULL
                UNION ALL
                SELECT t.client_id, least(CAST(timezone($zone, t.created_at) AS DATE), CAST(timezone($zone, e.occurred_at) AS DATE))
                FROM ticket_events e JOIN tickets t ON t.source = e.source AND t.ticket_id = e.ticket_id
                WHERE e.batch_id > {since} OR e.batch_id IS NULL
                UNION ALL
                SELECT client_id, CAST(timezone($zone, responded_at) AS DATE) FROM csat_responses WHERE batch_id > {since} OR batch_id IS NULL
                UNION ALL
                SELECT client_id, CAST(timezone($zone, responded_at) AS DATE) FROM nps_responses WHERE batch_id > {since} OR batch_id IS NULL
                UNION ALL
                SELECT NULL, CAST(timezone($zone, started_at) AS DATE) FROM incidents WHERE batch_id > {since} OR batch_id IS NULL)
            GROUP BY ALL
            """;
    }

    /// <summary>The tickets' horizons per source and the history's last day, as the last refresh saw them.</summary>
    private sealed record Horizons(string Tickets, LocalDate LastDay)
    {
        public static Horizons Read(WarehouseConnection connection)
        {
            using var command = connection.CreateCommand(
                "SELECT coalesce(string_agg(source || '=' || epoch_us(horizon), ';' ORDER BY source), '') FROM data_horizon WHERE kind = 'tickets'");
            return new Horizons(command.ExecuteScalar<string>(), default);
        }

        public string Text(LocalDate last) => $"{last.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}#{Tickets}";

        public static Horizons? Parse(string? text)
        {
            var hash = text?.IndexOf('#', StringComparison.Ordinal) ?? -1;
            return hash > 0 && DateOnly.TryParseExact(text![..hash], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? new Horizons(text[(hash + 1)..], LocalDate.FromDateOnly(day))
                : null;
        }

        /// <summary>The day, in <paramref name="zone"/>, of the earliest tickets horizon (null when there was none).</summary>
        public LocalDate? EarliestTicketDay(DateTimeZone zone)
        {
            var earliest = Tickets.Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => long.Parse(p[(p.LastIndexOf('=') + 1)..], CultureInfo.InvariantCulture))
                .DefaultIfEmpty(long.MinValue)
                .Min();
            return earliest == long.MinValue ? null : Instant.FromUnixTimeTicks(earliest * 10).InZone(zone).Date;
        }
    }
}
