using System.Globalization;
using NodaTime;
using SupportLens.Web.Auth;
using SupportLens.Web.Dashboard;

namespace SupportLens.Web.Pages.Shared;

/// <summary>What the layout shows around every page: who is signed in, the navigation, the time zone and data horizon.</summary>
internal sealed class LayoutModel(HttpContext context)
{
    internal bool SignedIn => context.User.Identity?.IsAuthenticated == true;

    internal string UserName => Viewer.NameOf(context.User);

    internal string Role => context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value ?? "";

    internal IEnumerable<NavigationItem> Items => Navigation.Items.Where(i => i.Roles is null || i.Roles.Contains(Role));

    internal bool IsCurrent(NavigationItem item) =>
        item.Path == "/" ? context.Request.Path == "/" : context.Request.Path.StartsWithSegments(item.Path);

    /// <summary>The link of a navigation entry: dashboards keep the current filter (the query string), admin pages do not.</summary>
    internal string Href(NavigationItem item) => Navigation.KeepsFilter(item) && IsDashboard ? item.Path + context.Request.QueryString : item.Path;

    private bool IsDashboard => Navigation.Items.Any(i => Navigation.KeepsFilter(i) && IsCurrent(i));

    internal DashboardData? Data => SignedIn ? context.RequestServices.GetRequiredService<DashboardData>() : null;

    /// <summary>"Data reaches 2026-10-31 23:29 America/New_York".</summary>
    internal string? HorizonText
    {
        get
        {
            if (Data is not { } data)
            {
                return null;
            }
            var horizon = data.Horizon().Latest;
            return horizon is { } at
                ? $"Data reaches {Times.Local(at, data.Zone)} {data.Zone.Id}."
                : "No data loaded yet.";
        }
    }

    internal IReadOnlyList<string> StaleTables => Data?.StaleTables() ?? [];
}

/// <summary>Instants as the organisation reads them: its reporting time zone, to the minute.</summary>
internal static class Times
{
    internal static string Local(Instant at, DateTimeZone zone) =>
        at.InZone(zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    internal static string Local(DateTimeOffset at, DateTimeZone zone) => Local(Instant.FromDateTimeOffset(at), zone);

    internal static string Local(DateTimeOffset? at, DateTimeZone zone) => at is { } a ? Local(a, zone) : "–";

    /// <summary>"2h05m" / "45m" / "3d04h".</summary>
    internal static string Span(Duration d)
    {
        var minutes = (long)Math.Round(d.TotalMinutes);
        var sign = minutes < 0 ? "-" : "";
        minutes = Math.Abs(minutes);
        return minutes switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{sign}{minutes}m"),
            < 48 * 60 => string.Create(CultureInfo.InvariantCulture, $"{sign}{minutes / 60}h{minutes % 60:00}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{sign}{minutes / 1440}d{minutes % 1440 / 60:00}h"),
        };
    }
}
