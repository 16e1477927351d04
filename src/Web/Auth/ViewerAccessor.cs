using SupportLens.Analytics.Accounts;
using SupportLens.Web.Dashboard;

namespace SupportLens.Web.Auth;

/// <summary>The <see cref="Viewer"/> of the current request (signed in by cookie or token).</summary>
internal sealed class ViewerAccessor(IHttpContextAccessor http, UserDirectory users, DashboardData data)
{
    private Viewer? _viewer;

    internal Viewer Current => _viewer ??= Resolve();

    private Viewer Resolve()
    {
        var principal = http.HttpContext?.User ?? throw new InvalidOperationException("There is no request to take the viewer from.");
        var user = users.Find(Viewer.NameOf(principal))
                   ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        var book = user.Role == UserRoles.SuccessManager ? data.BookOf(user.Name, user.Clients) : null;
        return new Viewer(user.Name, user.Role, book);
    }
}
