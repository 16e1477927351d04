using SupportLens.Analytics.Accounts;

namespace SupportLens.Web.Pages;

/// <summary>One entry of the top navigation.</summary>
/// <param name="Roles">Who sees the entry (null: everyone signed in); the page itself enforces the same rule.</param>
internal sealed record NavigationItem(string Title, string Path, IReadOnlyList<string>? Roles = null);

/// <summary>
/// The navigation every page shows, in order. A new area (forecast and capacity, clients, reports, jobs) adds its page
/// folder and one line here.
/// </summary>
internal static class Navigation
{
    internal static IReadOnlyList<NavigationItem> Items { get; } =
    [
        new("Overview", "/"),
        new("Quality", "/quality"),
        new("SLA", "/sla"),
        new("Incidents", "/incidents"),
        new("Clients", "/clients"),
        new("Forecast", "/forecast"),
        new("Capacity", "/capacity", [UserRoles.Admin, UserRoles.Executive, UserRoles.Planner]),
        new("Reports", "/reports"),
        new("Ingest", "/ingest", [UserRoles.Admin]),
        new("Users", "/users", [UserRoles.Admin]),
        new("Jobs", "/jobs", [UserRoles.Admin]),
    ];

    /// <summary>The entries whose filter carries over (the dashboards), as opposed to the admin pages.</summary>
    internal static bool KeepsFilter(NavigationItem item) => item.Roles is null;
}
