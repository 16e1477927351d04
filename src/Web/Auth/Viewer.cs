using System.Security.Claims;
using SupportLens.Analytics.Accounts;

namespace SupportLens.Web.Auth;

/// <summary>
/// Who is looking and which clients they may see: everyone sees every client except a success manager, who sees their
/// book (clients whose success manager they are, and the clients given to them by id), on pages and API alike.
/// </summary>
internal sealed record Viewer(string Name, string Role, IReadOnlySet<string>? Book)
{
    internal bool IsAdmin => Role == UserRoles.Admin;

    internal bool SeesAllClients => Book is null;

    internal bool MaySee(string clientId) => Book is null || Book.Contains(clientId);

    internal static string NameOf(ClaimsPrincipal principal) => principal.Identity?.Name ?? "";
}
