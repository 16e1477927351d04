using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SupportLens.Analytics.Accounts;
using SupportLens.Web.Auth;

namespace SupportLens.Web.Pages.Users;

/// <summary>
/// Users and API tokens (admins): add a user, set a new password, create or revoke a token, remove a user. A password or
/// token made up here is shown once, on the page that answers the form.
/// </summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel : PageModel
{
    [BindProperty] public string? Name { get; set; }

    [BindProperty] public string? Role { get; set; }

    [BindProperty] public string? Email { get; set; }

    [BindProperty] public string? Clients { get; set; }

    [BindProperty] public string? Password { get; set; }

    [BindProperty] public long TokenId { get; set; }

    internal IReadOnlyList<UserAccount> All { get; private set; } = [];

    internal IReadOnlyList<ApiTokenInfo> Tokens { get; private set; } = [];

    /// <summary>What the last form did, and a secret to show once (a made-up password or a new token).</summary>
    internal string? Done { get; private set; }

    internal string? Secret { get; private set; }

    internal string? Problem { get; private set; }

    private UserDirectory Directory => HttpContext.RequestServices.GetRequiredService<UserDirectory>();

    public void OnGet() => Load();

    public IActionResult OnPostAdd() => Act(() =>
    {
        var clients = (Clients ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var (user, generated) = Directory.Add(Name ?? "", Role ?? "", Email, string.IsNullOrEmpty(Password) ? null : Password, clients);
        Done = $"Added {user.Name} ({user.Role}).";
        Secret = generated is null ? null : $"Password of {user.Name}: {generated}";
    });

    public IActionResult OnPostPassword() => Act(() =>
    {
        var password = Secrets.NewPassword();
        Directory.SetPassword(Name ?? "", password);
        Done = $"New password for {Name}; their sign-ins ended.";
        Secret = $"Password of {Name}: {password}";
    });

    public IActionResult OnPostToken() => Act(() =>
    {
        var issued = Directory.CreateToken(Name ?? "");
        Done = $"Created token {issued.TokenId} for {issued.UserName}.";
        Secret = issued.Token;
    });

    public IActionResult OnPostRevoke() => Act(() =>
    {
        if (!Directory.RevokeToken(TokenId))
        {
            throw new AccountException($"there is no active token {TokenId}");
        }
        Done = $"Revoked token {TokenId}.";
    });

    public IActionResult OnPostRemove() => Act(() =>
    {
        if (Name == Viewer.NameOf(User))
        {
            throw new AccountException("you cannot remove yourself");
        }
        if (!Directory.Remove(Name ?? ""))
        {
            throw new AccountException($"there is no user named '{Name}'");
        }
        Done = $"Removed {Name}; their tokens are revoked.";
    });

    private IActionResult Act(Action action)
    {
        try
        {
            action();
        }
        catch (AccountException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        Load();
        return Page();
    }

    private void Load()
    {
        All = Directory.Users();
        Tokens = Directory.Tokens();
    }
}
