using NodaTime;
using SupportLens.Analytics.Horizon;
using SupportLens.Analytics.Sql;
using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Forecasting;

/// <summary>Where one channel's contacts are counted from.</summary>
/// <param name="VolumeFrom">First day counted from the volume export for the total and channel series (null: tickets throughout).</param>
/// <param name="ClientVolumeFrom">First day counted from the volume export for tier and client series (rows that name a client).</param>
public sealed record ChannelSource(string Channel, LocalDate? VolumeFrom, LocalDate? ClientVolumeFrom)
{
    public string Describe() => VolumeFrom is { } from
        ? $"volume export (offered) from {from:uuuu-MM-dd}" + (ClientVolumeFrom is null ? "; tickets per client" : string.Empty)
        : "tickets (created)";
}

/// <summary>
/// The daily contact history the forecasts and spike detection read, as of the data horizon: one series per key
/// (<c>total</c>, <c>channel:NAME</c>, <c>tier:NAME</c>, <c>client:ID</c>) and one per client and channel.
/// </summary>
public sealed record VolumeHistory(
    LocalDate? LastCompleteDay,
    IReadOnlyList<VolumeSeries> Series,
    IReadOnlyList<ClientChannelSeries> ClientChannels,
    IReadOnlyList<ChannelSource> Sources)
{
    public static VolumeHistory Empty { get; } = new(null, [], [], []);

    /// <summary>The same series summed over whole ISO weeks (series shorter than a whole week are left out).</summary>
    public IReadOnlyList<VolumeSeries> Weekly() => [.. Series.Select(s => s.ToWeekly()).Where(s => s.Length > 0)];
}

/// <summary>One client's contacts on one channel per day (the unit spike detection scores).</summary>
public sealed record ClientChannelSeries(string ClientId, string Channel, VolumeSeries Series);

/// <summary>
/// Reads daily contact volume from the warehouse. Days are cut in the reporting time zone (DST days have 23 or 25
/// hours). Tickets count on the day they were created; a channel that has rows in the volume export counts the
/// export's offered contacts instead, from the export's first day on (earlier days keep the tickets, so a channel
/// whose export starts later does not look like it fell to zero). Export rows without a client count toward the total
/// and the channel only; tier and client series switch to the export where its rows name clients. Each series runs
/// from its first day with a contact to the last complete day before the data horizon (the newest instant the data
/// mentions, never the wall clock), with zeros for quiet days. Clients that churned by then get no series of their
/// own (their history stays in their tier's).
/// </summary>
public sealed class VolumeSeriesQuery(DateTimeZone zone, TimeProvider time)
{
    internal const string Total = "total";

    private static readonly string[] ChannelOrder = ["email", "chat", "phone", "web", "api"];
    private static readonly string[] TierOrder = ["starter", "professional", "business", "enterprise"];

    public static string ChannelKey(string channel) => $"channel:{channel}";

    public static string TierKey(string tier) => $"tier:{tier}";

    public static string ClientKey(string clientId) => $"client:{clientId}";

    /// <summary>The level a key belongs to: total, channel, tier or client.</summary>
    public static string LevelOf(string key) => key.IndexOf(':', StringComparison.Ordinal) is var colon and > 0 ? key[..colon] : key;

    /// <summary>
    /// What the history depends on, cheaply: the tickets' and volume export's row counts and newest batches, the clients
    /// (tiers, churn), and the tickets' data horizon (which ticket events move too). Surveys, incidents and checks do not
    /// change it, so loading them does not redo forecasts.
    /// </summary>
    public static string Stamp(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand($"""
            SELECT concat_ws('|',
                (SELECT concat_ws('/', count(*), max(batch_id)) FROM tickets),
                (SELECT concat_ws('/', count(*), max(batch_id)) FROM {VolumeExport.TableName}),
                (SELECT concat_ws('/', count(*), max(batch_id), max(updated_at)) FROM clients),
                (SELECT max(horizon) FROM data_horizon WHERE kind = 'tickets'))
            """);
        return command.ExecuteScalar<string>();
    }

    public VolumeHistory Read(WarehouseConnection connection)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var hasVolume = VolumeExport.HasRows(connection);
        var horizon = Horizon(connection, hasVolume, now);
        if (horizon is not { } at)
        {
            return VolumeHistory.Empty;
        }

        var lastComplete = at.InZone(zone).Date.PlusDays(-1);
        var cutoff = lastComplete.PlusDays(1).AtStartOfDayInZone(zone).ToInstant().ToDateTimeOffset();
        var tickets = DailyCounts(connection, "tickets", "created_at", "count(*)", cutoff);
        var volume = hasVolume ? DailyCounts(connection, VolumeExport.TableName, "interval_start", "sum(offered)", cutoff) : [];
        var clients = Clients(connection);

        var volumeFrom = volume.GroupBy(r => r.Channel).ToDictionary(g => g.Key, g => g.Min(r => r.Day), StringComparer.Ordinal);
        var clientVolumeFrom = volume.Where(r => r.ClientId is not null)
            .GroupBy(r => r.Channel).ToDictionary(g => g.Key, g => g.Min(r => r.Day), StringComparer.Ordinal);

        var counts = new Dictionary<string, Dictionary<LocalDate, double>>(StringComparer.Ordinal);
        var clientChannels = new Dictionary<(string Client, string Channel), Dictionary<LocalDate, double>>();
        void Add(string key, LocalDate day, double n)
        {
            var days = counts.TryGetValue(key, out var existing) ? existing : counts[key] = [];
            days[day] = days.GetValueOrDefault(day) + n;
        }

        void AddOrganisation(DailyCount row)
        {
            Add(Total, row.Day, row.Count);
            Add(ChannelKey(row.Channel), row.Day, row.Count);
        }

        void AddClient(DailyCount row)
        {
            var client = row.ClientId!;
            if (clients.TryGetValue(client, out var account))
            {
                Add(TierKey(account.Tier), row.Day, row.Count);
            }

            if (account?.ChurnedOn is not { } churned || churned > lastComplete)
            {
                Add(ClientKey(client), row.Day, row.Count);
                var pair = (client, row.Channel);
                var days = clientChannels.TryGetValue(pair, out var existing) ? existing : clientChannels[pair] = [];
                days[row.Day] = days.GetValueOrDefault(row.Day) + row.Count;
            }
        }

        foreach (var row in tickets)
        {
            if (!(volumeFrom.TryGetValue(row.Channel, out var from) && row.Day >= from))
            {
                AddOrganisation(row);
            }

            if (!(clientVolumeFrom.TryGetValue(row.Channel, out var clientFrom) && row.Day >= clientFrom))
            {
                AddClient(row);
            }
        }

        foreach (var row in volume)
        {
            AddOrganisation(row);
            if (row.ClientId is not null)
            {
                AddClient(row);
            }
        }

        var series = counts
            .OrderBy(kv => Rank(kv.Key))
            .ThenBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => Daily(kv.Key, kv.Value, lastComplete))
            .ToArray();
        var pairs = clientChannels
            .OrderBy(kv => kv.Key.Client, StringComparer.Ordinal)
            .ThenBy(kv => Array.IndexOf(ChannelOrder, kv.Key.Channel) is var i and >= 0 ? i : ChannelOrder.Length)
            .ThenBy(kv => kv.Key.Channel, StringComparer.Ordinal)
            .Select(kv => new ClientChannelSeries(kv.Key.Client, kv.Key.Channel,
                Daily($"{ClientKey(kv.Key.Client)}/{ChannelKey(kv.Key.Channel)}", kv.Value, lastComplete)))
            .ToArray();
        var sources = tickets.Select(r => r.Channel).Concat(volume.Select(r => r.Channel)).Distinct()
            .OrderBy(c => Rank(ChannelKey(c))).ThenBy(c => c, StringComparer.Ordinal)
            .Select(c => new ChannelSource(c, volumeFrom.TryGetValue(c, out var f) ? f : null, clientVolumeFrom.TryGetValue(c, out var cf) ? cf : null))
            .ToArray();
        return new VolumeHistory(lastComplete, series, pairs, sources);
    }

    /// <summary>
    /// The newest instant every source in use reaches: tickets as refresh stored them in <c>data_horizon</c>, the volume
    /// export from its newest interval. The earlier of the two, so that no source's last day is counted half.
    /// </summary>
    private static Instant? Horizon(WarehouseConnection connection, bool hasVolume, Instant now)
    {
        var tickets = DataHorizons.Read(connection).Tickets;
        var volume = hasVolume ? VolumeExport.Horizon(connection, now) : null;
        return (tickets, volume) switch
        {
            ({ } t, { } v) => Instant.Min(t, v),
            ({ } t, null) => t,
            (null, { } v) => v,
            _ => null,
        };
    }

    private List<DailyCount> DailyCounts(WarehouseConnection connection, string table, string instant, string count, DateTimeOffset cutoff)
    {
        var rows = new List<DailyCount>();
        var first = First(connection, table, instant);
        if (first is not { } from)
        {
            return rows;
        }

        var day = LocalClockSql.EpochDay(instant, zone, from, Instant.FromDateTimeOffset(cutoff));
        using var command = connection.CreateCommand($"""
            SELECT {day} AS day, channel, client_id, CAST({count} AS DOUBLE) AS n
            FROM {table}
            WHERE {instant} < {SqlInstant.Literal(cutoff)}
            GROUP BY ALL
            """);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new DailyCount(LocalClockSql.Date(reader.GetInt64(0)), reader.GetString(1), reader.GetNullableString(2), reader.GetDouble(3)));
        }

        return rows;
    }

    private static Instant? First(WarehouseConnection connection, string table, string instant)
    {
        using var command = connection.CreateCommand($"SELECT min({instant}) FROM {table}");
        return command.ExecuteScalar() is DateTimeOffset first ? Instant.FromDateTimeOffset(first) : null;
    }

    private static Dictionary<string, ClientRow> Clients(WarehouseConnection connection)
    {
        using var command = connection.CreateCommand("SELECT client_id, tier, churned_on FROM clients");
        using var reader = command.ExecuteReader();
        var clients = new Dictionary<string, ClientRow>(StringComparer.Ordinal);
        while (reader.Read())
        {
            LocalDate? churned = reader.IsDBNull(2) ? null : LocalDate.FromDateOnly(reader.GetDateOnly(2));
            clients[reader.GetString(0)] = new ClientRow(reader.GetString(1), churned);
        }

        return clients;
    }

    private static VolumeSeries Daily(string key, Dictionary<LocalDate, double> days, LocalDate last)
    {
        var first = days.Where(kv => kv.Value > 0).Select(kv => kv.Key).DefaultIfEmpty(last).Min();
        var length = Period.DaysBetween(first, last) + 1;
        var values = new double[Math.Max(0, length)];
        foreach (var (day, n) in days)
        {
            if (day >= first && day <= last)
            {
                values[Period.DaysBetween(first, day)] += n;
            }
        }

        return new VolumeSeries(key, first, values);
    }

    // total, then channels in their usual order, tiers by service level, then clients.
    private static int Rank(string key)
    {
        var level = LevelOf(key);
        var name = key.Length > level.Length ? key[(level.Length + 1)..] : key;
        return level switch
        {
            Total => 0,
            "channel" => 10 + (Array.IndexOf(ChannelOrder, name) is var c and >= 0 ? c : ChannelOrder.Length),
            "tier" => 100 + (Array.IndexOf(TierOrder, name) is var t and >= 0 ? t : TierOrder.Length),
            _ => 1000,
        };
    }

    private sealed record DailyCount(LocalDate Day, string Channel, string? ClientId, double Count);

    private sealed record ClientRow(string Tier, LocalDate? ChurnedOn);
}
