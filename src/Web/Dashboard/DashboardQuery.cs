using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using SupportLens.Analytics.Metrics;
using SupportLens.Web.Auth;

namespace SupportLens.Web.Dashboard;

/// <summary>
/// The query string every dashboard page and API read understands: the period (<c>month</c>, or <c>from</c> and
/// <c>to</c>), the split (<c>by</c>, as `metrics --by`), the filters (<c>tier</c>, <c>client</c>, <c>channel</c>,
/// <c>success_manager</c>) and <c>as_of</c>. A filtered page's URL is the view: share it and the other person sees the same.
/// </summary>
internal sealed record DashboardQuery
{
    internal static readonly IReadOnlyList<string> Groupings = ["tier", "client", "channel", "month", "success-manager"];

    internal static readonly IReadOnlyList<string> Tiers = ["starter", "professional", "business", "enterprise"];

    internal static readonly IReadOnlyList<string> Channels = ["email", "chat", "phone", "web", "api"];

    /// <summary>The month, YYYY-MM, in the reporting time zone (default: the month the ticket data reaches).</summary>
    [FromQuery(Name = "month")] public string? Month { get; init; }

    /// <summary>First day of a date range (with <c>to</c>), YYYY-MM-DD.</summary>
    [FromQuery(Name = "from")] public string? From { get; init; }

    /// <summary>Last day of a date range, inclusive.</summary>
    [FromQuery(Name = "to")] public string? To { get; init; }

    /// <summary>Split by tier, client, channel, month or success-manager.</summary>
    [FromQuery(Name = "by")] public string? By { get; init; }

    /// <summary>Only clients of this tier.</summary>
    [FromQuery(Name = "tier")] public string? Tier { get; init; }

    /// <summary>Only this client (a success manager may ask only for their own).</summary>
    [FromQuery(Name = "client")] public string? Client { get; init; }

    /// <summary>Only tickets of this channel (NPS is not measured per channel).</summary>
    [FromQuery(Name = "channel")] public string? Channel { get; init; }

    /// <summary>Only clients of this success manager.</summary>
    [FromQuery(Name = "success_manager")] public string? SuccessManager { get; init; }

    /// <summary>Judge open tickets and incidents at this instant (ISO-8601) instead of the data horizon.</summary>
    [FromQuery(Name = "as_of")] public string? AsOf { get; init; }

    internal static DashboardQuery Parse(IQueryCollection query) => new()
    {
        Month = Value(query, "month"),
        From = Value(query, "from"),
        To = Value(query, "to"),
        By = Value(query, "by"),
        Tier = Value(query, "tier"),
        Client = Value(query, "client"),
        Channel = Value(query, "channel"),
        SuccessManager = Value(query, "success_manager"),
        AsOf = Value(query, "as_of"),
    };

    /// <summary>The query string of this view (only what is set), with <paramref name="changes"/> applied; starts with '?'.</summary>
    internal string ToQueryString(params (string Name, string? Value)[] changes)
    {
        var values = new List<(string, string?)>
        {
            ("month", Month), ("from", From), ("to", To), ("by", By), ("tier", Tier), ("client", Client), ("channel", Channel),
            ("success_manager", SuccessManager), ("as_of", AsOf),
        };
        foreach (var (name, value) in changes)
        {
            var i = values.FindIndex(v => v.Item1 == name);
            values[i] = (name, value);
        }
        var set = values.Where(v => !string.IsNullOrWhiteSpace(v.Item2)).Select(v => $"{v.Item1}={Uri.EscapeDataString(v.Item2!)}");
        var text = string.Join('&', set);
        return text.Length == 0 ? "" : "?" + text;
    }

    /// <summary>
    /// The period, split, filter and as-of instant this query asks for, as <paramref name="viewer"/> may see it, or what
    /// is wrong with it.
    /// </summary>
    internal QueryResolution Resolve(Viewer viewer, DashboardData data, TimeProvider time)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Problem(string field, string message) => errors[field] = [message];

        ReportingPeriod? period = null;
        var hasRange = From is not null || To is not null;
        try
        {
            if (Month is not null && hasRange)
            {
                Problem("month", "Give either month or from and to, not both.");
            }
            else if (hasRange)
            {
                if (From is null || To is null)
                {
                    Problem(From is null ? "from" : "to", "from and to go together.");
                }
                else
                {
                    period = data.Periods.Between(From, To);
                }
            }
            else
            {
                period = data.Periods.Month(Month ?? data.DefaultMonth(time));
            }
        }
        catch (FormatException e)
        {
            Problem(hasRange ? "from" : "month", e.Message.Replace("--", "", StringComparison.Ordinal));
        }

        var grouping = By switch
        {
            null => MetricsGrouping.All,
            "tier" => MetricsGrouping.Tier,
            "client" => MetricsGrouping.Client,
            "channel" => MetricsGrouping.Channel,
            "month" => MetricsGrouping.Month,
            "success-manager" => MetricsGrouping.SuccessManager,
            _ => (MetricsGrouping?)null,
        };
        if (grouping is null)
        {
            Problem("by", $"'{By}' is not a split; use one of {string.Join(", ", Groupings)}.");
        }
        if (Tier is not null && !Tiers.Contains(Tier))
        {
            Problem("tier", $"'{Tier}' is not a tier; use one of {string.Join(", ", Tiers)}.");
        }
        if (Channel is not null && !Channels.Contains(Channel))
        {
            Problem("channel", $"'{Channel}' is not a channel; use one of {string.Join(", ", Channels)}.");
        }
        Instant? asOf = null;
        if (AsOf is not null)
        {
            try
            {
                asOf = Cli.AsOf.Parse(AsOf);
            }
            catch (FormatException)
            {
                Problem("as_of", $"'{AsOf}' is not an instant like 2026-10-31T23:00:00Z or a date like 2026-10-31.");
            }
        }
        if (errors.Count > 0)
        {
            return new QueryResolution(null, errors, Forbidden: false);
        }
        if (Client is not null && !viewer.MaySee(Client))
        {
            return new QueryResolution(null, errors, Forbidden: true);
        }
        IReadOnlySet<string>? clients = Client is not null ? new HashSet<string>([Client], StringComparer.Ordinal) : viewer.Book;
        var filter = new MetricsFilter(Tier, clients, Channel, SuccessManager);
        return new QueryResolution(new DashboardView(period!, grouping!.Value, filter, asOf, this), errors, Forbidden: false);
    }

    private static string? Value(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;
}

/// <summary>A resolved view: what to compute, with the viewer's client scope already in <see cref="Filter"/>.</summary>
internal sealed record DashboardView(ReportingPeriod Period, MetricsGrouping Grouping, MetricsFilter Filter, Instant? AsOf, DashboardQuery Query)
{
    /// <summary>"2026-10-01 to 2026-10-31 (America/New_York)".</summary>
    internal string PeriodText => string.Create(CultureInfo.InvariantCulture, $"{Period.FromText} to {Period.ToText} ({Period.Zone.Id})");

    /// <summary>The default window for "due soon".</summary>
    internal static readonly Duration DueSoonWindow = Duration.FromHours(4);
}

/// <summary>The outcome of <see cref="DashboardQuery.Resolve"/>: a view, or the problems (400), or forbidden (403).</summary>
internal sealed record QueryResolution(DashboardView? View, IReadOnlyDictionary<string, string[]> Errors, bool Forbidden);
