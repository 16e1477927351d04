using Microsoft.Extensions.FileProviders;

namespace SupportLens.Web.Hosting;

/// <summary>
/// The stylesheets under <c>/assets</c>, copied next to the executable at build (src/Web/Assets), so the server needs no
/// content root and no front-end build: Pico CSS 2.1.1 (MIT, vendored from the npm package @picocss/pico) and ours.
/// </summary>
internal static class StaticAssets
{
    internal const string Path = "/assets";

    internal static IApplicationBuilder UseSupportLensAssets(this IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        RequestPath = Path,
        FileProvider = new PhysicalFileProvider(System.IO.Path.Combine(AppContext.BaseDirectory, "Assets")),
        OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "public, max-age=3600",
    });
}
