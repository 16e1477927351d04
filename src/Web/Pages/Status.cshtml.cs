using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SupportLens.Web.Pages;

/// <summary>The page for an error status (404, 403, 500...) of a page request; anonymous, so a signed-out user sees it too.</summary>
[AllowAnonymous]
public sealed class StatusModel : PageModel
{
    internal int Code { get; private set; }

    public void OnGet(int code)
    {
        Code = code is >= 400 and < 600 ? code : 404;
    }

    internal string Message => Code switch
    {
        403 => "You may not see this page. A success manager sees only their own clients; ingest and users are for admins.",
        404 => "There is no such page.",
        429 => "Too many attempts: wait a minute and try again.",
        >= 500 => "Something went wrong on the server. The log says what.",
        _ => "The request could not be answered.",
    };
}
