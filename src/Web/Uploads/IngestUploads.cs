using System.Globalization;
using SupportLens.Analytics.Refresh;
using SupportLens.Ingest;
using SupportLens.Web.Composition;

namespace SupportLens.Web.Uploads;

/// <summary>An uploaded file: its name as the sender gave it, and its bytes.</summary>
internal sealed record UploadedFile(string FileName, Stream Content);

/// <summary>
/// Ingest of uploaded exports (the ingest page and <c>POST /api/ingest</c>): the file is kept under
/// <c>DATA/uploads/&lt;time&gt;-&lt;id&gt;/</c> (the batch records its path, so what was loaded stays on record), loaded like
/// `supportlens ingest` loads a file, and the derived tables are refreshed afterwards unless asked not to. One upload
/// loads at a time: DuckDB would make two concurrent merges into one table conflict.
/// </summary>
internal sealed class IngestUploads(Ingestor ingestor, RefreshService refresh, SupportLensOptions options, TimeProvider time)
{
    /// <summary>The profiles an upload may name; a mapping file is uploaded alongside, never named by a server path.</summary>
    internal static readonly IReadOnlyList<string> Profiles = ["generic", "zendesk", "freshdesk", "statuspage"];

    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    /// <summary>Checks the request; an <see cref="IngestUsageException"/> names what is wrong (bad usage: 400).</summary>
    internal static IngestRequest Request(string? kind, string? profile, string? timezone, bool strict, bool hasMapping)
    {
        if (!IngestKinds.TryParse(kind, out var ingestKind))
        {
            throw new IngestUsageException($"kind must be one of {string.Join(", ", IngestKinds.Names)}");
        }
        if (hasMapping && !string.IsNullOrWhiteSpace(profile))
        {
            throw new IngestUsageException("give a profile or a mapping file, not both");
        }
        if (!hasMapping && !string.IsNullOrWhiteSpace(profile) && !Profiles.Contains(profile.Trim()))
        {
            throw new IngestUsageException($"profile must be one of {string.Join(", ", Profiles)} (or upload a mapping file)");
        }
        var request = new IngestRequest(ingestKind)
        {
            Profile = string.IsNullOrWhiteSpace(profile) ? null : profile.Trim(),
            TimeZone = string.IsNullOrWhiteSpace(timezone) ? null : timezone.Trim(),
            Strict = strict,
        };
        if (!hasMapping)
        {
            Ingestor.Check(request);
        }
        return request;
    }

    internal async Task<IngestReport> IngestAsync(
        UploadedFile file, IngestRequest request, UploadedFile? mapping, bool refreshAfter, CancellationToken cancel)
    {
        var stamp = string.Create(CultureInfo.InvariantCulture, $"{time.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}")[..24];
        var folder = Path.Combine(options.DataDirectory, "uploads", stamp);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, SafeName(file.FileName, "upload"));
        await Save(file, path, cancel);
        if (mapping is not null)
        {
            var mappingPath = Path.Combine(folder, "mapping-" + SafeName(mapping.FileName, "mapping.json"));
            await Save(mapping, mappingPath, cancel);
            request = request with { Profile = mappingPath };
            Ingestor.Check(request);
        }

        await _oneAtATime.WaitAsync(cancel);
        try
        {
            var report = ingestor.Ingest(path, request);
            if (refreshAfter && report.Loaded && (report.RowsInserted > 0 || report.RowsUpdated > 0))
            {
                refresh.Run();
            }
            return report;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private static async Task Save(UploadedFile file, string path, CancellationToken cancel)
    {
        await using var target = File.Create(path);
        await file.Content.CopyToAsync(target, cancel);
    }

    /// <summary>The last part of the sender's file name, without anything that could leave the folder.</summary>
    internal static string SafeName(string? fileName, string fallback)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var safe = new string([.. name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]).TrimStart('.');
        return safe.Length == 0 ? fallback : safe[..Math.Min(safe.Length, 120)];
    }
}
