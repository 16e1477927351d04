namespace SupportLens.Web.Pages.Shared;

/// <summary>The as-of line every page prints, in the CLI's words.</summary>
internal static class AsOfText
{
    internal static string Describe(NodaTime.Instant? asOf, NodaTime.DateTimeZone zone) => Cli.AsOf.Describe(asOf, zone);
}
