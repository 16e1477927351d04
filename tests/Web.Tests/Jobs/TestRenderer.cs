using SupportLens.Web.Jobs.Reports;

namespace SupportLens.Web.Tests.Jobs;

/// <summary>
/// Writes a real, small PDF per request (the same minimal writer the interim renderer uses) under DATA/reports, and
/// records what it was asked. Tests can make it fail or hold it inside a render to see what runs at the same time.
/// </summary>
internal sealed class TestRenderer(string dataDirectory) : IReportRenderer
{
    private readonly Lock _gate = new();
    private readonly List<ReportRequest> _requests = [];
    private int _inside;
    private int _failures;

    public IReadOnlyList<ReportRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The most renders that were in progress at once, across every runner sharing this renderer.</summary>
    public int MaxConcurrent { get; private set; }

    /// <summary>When set, each render waits here (and counts as in progress) until it is set.</summary>
    public ManualResetEventSlim? Hold { get; set; }

    /// <summary>The next <paramref name="count"/> renders throw.</summary>
    public void FailNext(int count) => Interlocked.Exchange(ref _failures, count);

    public string Render(ReportRequest request)
    {
        var inside = Interlocked.Increment(ref _inside);
        try
        {
            lock (_gate)
            {
                MaxConcurrent = Math.Max(MaxConcurrent, inside);
                _requests.Add(request);
            }

            Hold?.Wait(TimeSpan.FromSeconds(30));
            if (Interlocked.Decrement(ref _failures) >= 0)
            {
                throw new IOException($"test renderer: {request.ReportId} failed on purpose");
            }

            var directory = Path.Combine(dataDirectory, "reports", request.PeriodKey);
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, request.FileName);
            File.WriteAllBytes(path, TextPdf.Write(request.ReportId, [(request.ReportId, true), (request.Period.FromText + " to " + request.Period.ToText, false)]));
            return path;
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }
}
