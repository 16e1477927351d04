namespace SupportLens.Web.Auth;

/// <summary>
/// The authorization policies. Everything not marked anonymous needs a signed-in user (the fallback policy), so a new
/// page or endpoint is closed until someone opens it on purpose.
/// </summary>
internal static class Policies
{
    /// <summary>Admins only: ingest, users, tokens (and, from the jobs issue, the jobs dashboard).</summary>
    internal const string Admin = "admin";

    /// <summary>
    /// Admins with an API token: the API's writes. A browser's cookie is sent along automatically, a token is not, so an
    /// API write cannot be forged from another site; in the browser, writes go through the pages' antiforgery forms.
    /// </summary>
    internal const string AdminToken = "admin-token";

    /// <summary>
    /// Admins, executives and planners: figures of the whole organisation that cannot be cut to a success manager's book
    /// (the capacity plan, forecasts above client level, the org-wide reports).
    /// </summary>
    internal const string OrgWide = "org-wide";
}
