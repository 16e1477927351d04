using System.Net.Http.Headers;
using System.Text;

namespace SupportLens.Web.Tests.Hosting;

/// <summary>Multipart bodies as `curl -F` sends them to <c>POST /api/ingest</c>.</summary>
internal static class Multipart
{
    internal static MultipartFormDataContent Csv(string kind, string fileName, string content, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(kind), "kind");
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return form;
    }
}
