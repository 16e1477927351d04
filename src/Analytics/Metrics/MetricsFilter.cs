using SupportLens.Storage.Sql;

namespace SupportLens.Analytics.Metrics;

/// <summary>
/// Which rows a report counts: one tier, some clients, one channel, one success manager's book; null means any. An empty
/// <see cref="Clients"/> set matches nothing (a success manager without clients sees no figures, not everyone's).
/// NPS surveys have no channel: under a channel filter NPS is not measured.
/// </summary>
public sealed record MetricsFilter(
    string? Tier = null, IReadOnlySet<string>? Clients = null, string? Channel = null, string? SuccessManager = null)
{
    public static MetricsFilter None { get; } = new();

    public bool IsEmpty => Tier is null && Clients is null && Channel is null && SuccessManager is null;

    /// <summary>A stable text of the filter, for cache keys and logs.</summary>
    public string Key => string.Join('|', Tier ?? "*", Clients is null ? "*" : string.Join(',', Clients.Order(StringComparer.Ordinal)),
        Channel ?? "*", SuccessManager ?? "*");

    /// <summary>
    /// The SQL conditions (each starting with AND) for rows whose client id is <paramref name="client"/> and channel
    /// <paramref name="channel"/> (null: the rows have no channel), with <c>c</c> the joined clients row.
    /// </summary>
    internal string Sql(string client, string? channel)
    {
        var conditions = new List<string>();
        if (Tier is not null)
        {
            conditions.Add("c.tier = $f_tier");
        }
        if (SuccessManager is not null)
        {
            conditions.Add("c.success_manager = $f_sm");
        }
        if (Clients is not null)
        {
            conditions.Add(Clients.Count == 0 ? "false" : $"{client} IN ({string.Join(", ", Clients.Select((_, i) => $"$f_client{i}"))})");
        }
        if (Channel is not null)
        {
            conditions.Add(channel is null ? "false" : $"{channel} = $f_channel");
        }
        return string.Concat(conditions.Select(c => $" AND {c}"));
    }

    /// <summary>Binds the parameters <see cref="Sql"/> used in <paramref name="command"/>'s text.</summary>
    internal void Bind(WarehouseCommand command)
    {
        var sql = command.CommandText;
        if (Tier is not null && sql.Contains("$f_tier", StringComparison.Ordinal))
        {
            command.Parameters.Add("f_tier", Tier);
        }
        if (SuccessManager is not null && sql.Contains("$f_sm", StringComparison.Ordinal))
        {
            command.Parameters.Add("f_sm", SuccessManager);
        }
        if (Channel is not null && sql.Contains("$f_channel", StringComparison.Ordinal))
        {
            command.Parameters.Add("f_channel", Channel);
        }
        if (Clients is { Count: > 0 } && sql.Contains("$f_client0", StringComparison.Ordinal))
        {
            var i = 0;
            foreach (var client in Clients.Order(StringComparer.Ordinal))
            {
                command.Parameters.Add($"f_client{i++}", client);
            }
        }
    }
}
