using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace SupportLens.Web.Pages;

/// <summary>Where the cookie sends a signed-in user who may not see a page (403).</summary>
[AllowAnonymous]
public sealed class ForbiddenModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
