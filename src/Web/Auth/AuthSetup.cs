using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using SupportLens.Analytics.Accounts;
using SupportLens.Web.Hosting;

namespace SupportLens.Web.Auth;

/// <summary>
/// Sign-in by cookie (pages) or by API token (scripts), chosen per request by the Authorization header; role policies;
/// the sign-in rate limit.
/// </summary>
internal static class AuthSetup
{
    /// <summary>Picks the token handler when the request carries a bearer token, else the cookie.</summary>
    internal const string Scheme = "supportlens";

    internal const string CookieName = "supportlens";

    internal const string SignInPath = "/signin";

    internal static IServiceCollection AddSupportLensAuth(this IServiceCollection services, WebSettings settings)
    {
        // Cookie and antiforgery keys live with the data, so a restart keeps people signed in.
        services.AddDataProtection()
            .SetApplicationName("SupportLens")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.Options.DataDirectory, "keys")));

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or API token", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith(BearerTokenHandler.Name + " ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.Name
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = SignInPath;
                options.LogoutPath = "/signout";
                options.AccessDeniedPath = "/forbidden";
                options.ExpireTimeSpan = settings.SignInLifetime;
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = ValidateStamp;
                // The API answers 401/403; only pages redirect to the sign-in form.
                options.Events.OnRedirectToLogin = context => Redirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Redirect(context, StatusCodes.Status403Forbidden);
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.Name, null);

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(UserRoles.Admin))
            .AddPolicy(Policies.OrgWide, policy => policy.RequireAuthenticatedUser().RequireRole(UserRoles.Admin, UserRoles.Executive, UserRoles.Planner))
            .AddPolicy(Policies.AdminToken, policy => policy
                .AddAuthenticationSchemes(BearerTokenHandler.Name)
                .RequireAuthenticatedUser()
                .RequireRole(UserRoles.Admin));

        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "supportlens.antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.FormFieldName = "__antiforgery";
        });

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only attempts to sign in are limited (per client address); reading the form is not.
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Equals(SignInPath, StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = settings.SignInAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    /// <summary>A cookie whose user is gone, or whose password or role changed since, no longer signs anyone in.</summary>
    private static async Task ValidateStamp(CookieValidatePrincipalContext context)
    {
        var users = context.HttpContext.RequestServices.GetRequiredService<UserDirectory>();
        var name = context.Principal?.Identity?.Name;
        var stamp = context.Principal?.FindFirst(SupportLensClaims.Stamp)?.Value;
        if (name is null || users.Find(name) is not { } user || user.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context, int apiStatus)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
