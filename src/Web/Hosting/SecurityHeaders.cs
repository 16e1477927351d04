namespace SupportLens.Web.Hosting;

/// <summary>
/// Headers on every response: scripts, styles and images only from this server, no framing, no MIME sniffing, no referrer
/// leaving the site, and no caching of anything but the static assets (pages and API answers are per user).
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>
    /// The content security policy. Inline SVG charts are markup and need nothing more, but a <c>style="..."</c>
    /// attribute is blocked by <c>style-src 'self'</c>: charts use presentation attributes (fill, stroke) or the stylesheet.
    /// </summary>
    internal const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    internal static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (!context.Request.Path.StartsWithSegments(StaticAssets.Path))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        });
        await next(context);
    });
}
