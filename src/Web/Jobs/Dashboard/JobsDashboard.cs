using Hangfire.Dashboard;

namespace SupportLens.Web.Jobs.Dashboard;

/// <summary>Adds the Runs and Deliveries pages to Hangfire's dashboard (its route table and menu are process-wide).</summary>
internal static class JobsDashboard
{
    private static readonly Lock Gate = new();
    private static bool _registered;

    public static void Register()
    {
        lock (Gate)
        {
            if (_registered)
            {
                return;
            }

            DashboardRoutes.Routes.AddRazorPage(RunsPage.Route, _ => new RunsPage());
            DashboardRoutes.Routes.AddRazorPage(DeliveriesPage.Route, _ => new DeliveriesPage());
            NavigationMenu.Items.Add(page => new MenuItem("Runs", page.Url.To(RunsPage.Route)) { Active = page.RequestPath.StartsWith(RunsPage.Route, StringComparison.Ordinal) });
            NavigationMenu.Items.Add(page => new MenuItem("Deliveries", page.Url.To(DeliveriesPage.Route))
            {
                Active = page.RequestPath.StartsWith(DeliveriesPage.Route, StringComparison.Ordinal),
            });
            _registered = true;
        }
    }
}
