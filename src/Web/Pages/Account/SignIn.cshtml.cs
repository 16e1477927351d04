using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SupportLens.Web.Auth;

namespace SupportLens.Web.Pages.Account;

/// <summary>
/// The sign-in form (anonymous). A good password issues the cookie and goes back to where the user was headed (a local
/// URL only); a wrong one says so without telling whether the user exists. POSTs are rate-limited per address.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel : PageModel
{
    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty(SupportsGet = true, Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    internal string? Problem { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(Target) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var users = HttpContext.RequestServices.GetRequiredService<UserDirectory>();
        if (string.IsNullOrEmpty(UserName) || string.IsNullOrEmpty(Password) || users.SignIn(UserName, Password) is not { } user)
        {
            Problem = "Wrong user name or password.";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
            SupportLensClaims.Principal(user, CookieAuthenticationDefaults.AuthenticationScheme),
            new AuthenticationProperties { IsPersistent = false });
        return LocalRedirect(Target);
    }

    private string Target => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
