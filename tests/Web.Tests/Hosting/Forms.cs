using AngleSharp.Html.Parser;

namespace SupportLens.Web.Tests.Hosting;

/// <summary>Posting a page's form as a browser does: with the antiforgery token the form carries.</summary>
internal static class Forms
{
    internal const string AntiforgeryField = "__antiforgery";

    /// <summary>The antiforgery token of the first form on <paramref name="page"/>.</summary>
    internal static async Task<string> Token(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelector($"input[name='{AntiforgeryField}']")?.GetAttribute("value")
               ?? throw new InvalidOperationException($"{page} has no antiforgery token");
    }

    internal static async Task<HttpResponseMessage> Post(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        fields[AntiforgeryField] = await Token(client, page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    internal static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
