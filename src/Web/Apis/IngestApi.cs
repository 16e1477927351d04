using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SupportLens.Ingest;
using SupportLens.Web.Auth;
using SupportLens.Web.Presentation;
using SupportLens.Web.Uploads;

namespace SupportLens.Web.Apis;

internal sealed record BatchesDocument(IReadOnlyList<IngestBatch> Batches);

internal sealed record QuarantineDocument(long BatchId, IReadOnlyList<IngestError> Errors);

/// <summary>
/// Ingest for automated exports (admins): <c>POST /api/ingest</c> takes one file as multipart form data and answers with
/// the batch result `supportlens ingest --json` prints (200 loaded, 422 rejected); the batches and their quarantined rows.
/// </summary>
internal static class IngestApi
{
    internal static IEndpointRouteBuilder MapIngestApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/ingest").WithTags("Ingest").RequireAuthorization(Policies.Admin);
        api.MapPost("", Upload).WithName("Ingest")
            .WithSummary("Load one export file (multipart: file, kind, profile or mapping, timezone, strict, no_refresh); refreshes derived tables afterwards.")
            .RequireAuthorization(Policies.AdminToken)
            // Token-only (see Policies.AdminToken): no cookie, so no cross-site forgery to guard against.
            .DisableAntiforgery();
        api.MapGet("/batches", Batches).WithName("GetIngestBatches").WithSummary("The latest ingest batches, oldest first (as `ingest batches --json`).");
        api.MapGet("/batches/{batchId:long}/quarantine", Quarantine).WithName("GetQuarantine")
            .WithSummary("The rejected rows of a batch: line, column, value, reason (as `ingest quarantine --json`).");
        return routes;
    }

    internal static async Task<Results<Ok<IngestDocument>, UnprocessableEntity<IngestDocument>, ValidationProblem>> Upload(
        IFormFile file,
        [FromForm(Name = "kind")] string kind,
        [FromForm(Name = "profile")] string? profile,
        [FromForm(Name = "timezone")] string? timezone,
        [FromForm(Name = "strict")] bool? strict,
        [FromForm(Name = "no_refresh")] bool? noRefresh,
        IFormFile? mapping,
        IngestUploads uploads,
        CancellationToken cancel)
    {
        IngestRequest request;
        try
        {
            request = IngestUploads.Request(kind, profile, timezone, strict ?? false, mapping is not null);
        }
        catch (IngestUsageException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = [e.Message] });
        }
        await using var content = file.OpenReadStream();
        IngestReport report;
        try
        {
            await using var mappingContent = mapping?.OpenReadStream();
            report = await uploads.IngestAsync(new UploadedFile(file.FileName, content),
                request, mapping is null ? null : new UploadedFile(mapping.FileName, mappingContent!), !(noRefresh ?? false), cancel);
        }
        catch (IngestUsageException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["mapping"] = [e.Message] });
        }
        var document = IngestDocument.Build(report);
        return report.Loaded ? TypedResults.Ok(document) : TypedResults.UnprocessableEntity(document);
    }

    internal static Ok<BatchesDocument> Batches(Ingestor ingestor, [FromQuery(Name = "limit")] int? limit) =>
        TypedResults.Ok(new BatchesDocument(ingestor.Batches(Math.Clamp(limit ?? 50, 1, 1000))));

    internal static Results<Ok<QuarantineDocument>, NotFound> Quarantine(long batchId, Ingestor ingestor, [FromQuery(Name = "limit")] int? limit) =>
        ingestor.Quarantined(batchId, Math.Clamp(limit ?? 10_000, 1, 100_000)) is { } rows
            ? TypedResults.Ok(new QuarantineDocument(batchId, rows))
            : TypedResults.NotFound();
}
