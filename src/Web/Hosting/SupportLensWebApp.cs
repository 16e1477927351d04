using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SupportLens.Analytics.Archive;
using SupportLens.Analytics.Accounts;
using SupportLens.Analytics.Clients;
using SupportLens.Analytics.Sla;
using SupportLens.Web.Apis;
using SupportLens.Web.Auth;
using SupportLens.Web.Composition;
using SupportLens.Web.Dashboard;

using SupportLens.Web.Jobs;

namespace SupportLens.Web.Hosting;

/// <summary>
/// The web host of `supportlens serve`: the composition root's services, auth, Razor pages, the JSON API under /api and
/// its OpenAPI document. Tests build the very same application (with a test server in place of Kestrel).
/// </summary>
internal static class SupportLensWebApp
{
    internal static WebApplication Build(WebSettings settings, Action<WebApplicationBuilder>? adjust = null)
    {
        settings.Validate();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Pages are compiled into this assembly; the process may have another entry point (tests).
            ApplicationName = typeof(SupportLensWebApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(settings.Urls);
        // One line per request is noise for a dashboard server; warnings, errors and the lifetime messages stay.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // The sign-in keys live in DATA, as readable as the database itself; the warning that they are not encrypted at rest
        // says nothing a local service can act on (DATA's permissions protect both).
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = settings.MaxUploadBytes;
            kestrel.AddServerHeader = false;
        });
        builder.Services.Configure<FormOptions>(form => form.MultipartBodyLengthLimit = settings.MaxUploadBytes);

        builder.Services.AddSupportLens(settings.Options, settings.Time);
        builder.Services.AddSupportLensJobs();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<DashboardCache>();
        builder.Services.AddSingleton<DashboardWarmUp>();
        if (settings.WarmUp)
        {
            builder.Services.AddHostedService(provider => provider.GetRequiredService<DashboardWarmUp>());
        }
        builder.Services.AddScoped<DashboardData>();
        builder.Services.AddScoped<HealthData>();
        builder.Services.AddScoped<PlanningData>();
        builder.Services.TryAddSingleton(provider => new ReportArchive(provider.GetRequiredService<Storage.Warehouse>(), settings.Time));
        builder.Services.AddSingleton<ReportLibrary>();
        builder.Services.AddScoped<ViewerAccessor>();
        builder.Services.AddSingleton<Uploads.IngestUploads>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSupportLensAuth(settings);
        builder.Services.AddRazorPages();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(json =>
        {
            // The same snake_case names as the CLI's --json.
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        });
        adjust?.Invoke(builder);

        var app = builder.Build();
        app.UseWhen(IsApi, api => api.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(context => !IsApi(context), pages => pages
            .UseExceptionHandler("/error/500")
            .UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseSecurityHeaders();
        app.UseSupportLensAssets();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapRazorPages();
        app.MapSupportLensApis();
        app.MapOpenApi();
        app.MapSupportLensJobs(Policies.Admin);
        return app;
    }

    /// <summary>
    /// What `serve` does before it listens: opens the database (taking DuckDB's file lock, or failing with a message that
    /// says who holds it) and, on first start with no users, creates <c>admin</c>.
    /// </summary>
    internal static void Prepare(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<WebSettings>();
        var users = app.Services.GetRequiredService<UserDirectory>();
        if (users.EnsureFirstAdmin(settings.FirstAdminPassword) is { } created)
        {
            settings.Output.WriteLine(created.GeneratedPassword is { } password
                ? $"Created user 'admin' with password {password} (shown once: keep it, or set SUPPORTLENS_ADMIN_PASSWORD before the first start)."
                : "Created user 'admin' with the password in SUPPORTLENS_ADMIN_PASSWORD.");
        }
    }

    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi");
}
