using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SupportLens.Ingest;
using SupportLens.Web.Auth;
using SupportLens.Web.Uploads;

namespace SupportLens.Web.Pages.Ingest;

/// <summary>
/// Upload an export with its kind and profile (or a mapping file), see what it did (rows loaded, the quarantined rows and
/// why), and the latest batches. Admins only. Derived tables are refreshed after a load, as `supportlens ingest` does.
/// </summary>
[Authorize(Policy = Policies.Admin)]
[RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
[RequestSizeLimit(long.MaxValue)]
public sealed class IndexModel : PageModel
{
    /// <summary>How many quarantined rows the result shows; the batch page shows them all.</summary>
    internal const int ShownErrors = 20;

    [BindProperty] public IFormFile? Upload { get; set; }

    [BindProperty] public IFormFile? Mapping { get; set; }

    [BindProperty] public string? Kind { get; set; }

    [BindProperty] public string? Profile { get; set; }

    [BindProperty] public string? TimeZone { get; set; }

    [BindProperty] public bool Strict { get; set; }

    internal IngestReport? Result { get; private set; }

    internal string? Problem { get; private set; }

    internal IReadOnlyList<IngestBatch> Batches { get; private set; } = [];

    public void OnGet() => LoadBatches();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancel)
    {
        if (Upload is null || Upload.Length == 0)
        {
            Problem = "Choose a file to upload.";
        }
        else
        {
            try
            {
                var request = IngestUploads.Request(Kind, Profile, TimeZone, Strict, Mapping is not null);
                var uploads = HttpContext.RequestServices.GetRequiredService<IngestUploads>();
                await using var content = Upload.OpenReadStream();
                await using var mappingContent = Mapping?.OpenReadStream();
                Result = await uploads.IngestAsync(new UploadedFile(Upload.FileName, content), request,
                    Mapping is null ? null : new UploadedFile(Mapping.FileName, mappingContent!), refreshAfter: true, cancel);
            }
            catch (IngestUsageException e)
            {
                Problem = e.Message;
            }
        }
        if (Problem is not null || Result is { Loaded: false })
        {
            Response.StatusCode = Problem is not null ? StatusCodes.Status400BadRequest : StatusCodes.Status422UnprocessableEntity;
        }
        LoadBatches();
        return Page();
    }

    private void LoadBatches() =>
        Batches = [.. HttpContext.RequestServices.GetRequiredService<Ingestor>().Batches(30).Reverse()];
}
