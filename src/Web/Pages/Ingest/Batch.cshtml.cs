using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SupportLens.Ingest;
using SupportLens.Web.Auth;

namespace SupportLens.Web.Pages.Ingest;

/// <summary>One batch and all of its quarantined rows (admins).</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class BatchModel : PageModel
{
    internal IngestBatch? Batch { get; private set; }

    internal IReadOnlyList<IngestError> Errors { get; private set; } = [];

    public IActionResult OnGet(long batchId)
    {
        var ingestor = HttpContext.RequestServices.GetRequiredService<Ingestor>();
        if (ingestor.Quarantined(batchId) is not { } errors)
        {
            return NotFound();
        }
        Errors = errors;
        Batch = ingestor.Batches(int.MaxValue).FirstOrDefault(b => b.BatchId == batchId);
        return Page();
    }
}
