using SupportLens.Analytics.Clients;
using SupportLens.Web.Delivery;
using SupportLens.Web.Jobs.Ledger;
using SupportLens.Web.Jobs.Reports;
using SupportLens.Web.Jobs.Scheduling;

namespace SupportLens.Web.Jobs.Running;

/// <summary>What rendering a report job's period produced: the files, who gets which, and what could not be addressed.</summary>
internal sealed record RenderedPeriod(IReadOnlyList<string> Files, IReadOnlyList<PlannedDelivery> Deliveries, IReadOnlyList<string> Notes);

/// <summary>The report jobs' work: which PDFs a period needs and who receives each.</summary>
internal sealed class ReportJobs(IReportRenderer renderer, ClientDirectory clients, RecipientResolver recipients)
{
    private static readonly ReportKind[] QualityReports = [ReportKind.Csat, ReportKind.Nps, ReportKind.Fcr, ReportKind.Sla];

    public RenderedPeriod Render(JobDefinition job, JobPeriod period, Action<string>? progress) => job.Kind switch
    {
        JobKind.WeeklyQuality => Weekly(job, period, progress),
        JobKind.MonthlyReports => Monthly(job, period, progress),
        _ => throw new ArgumentOutOfRangeException(nameof(job), job.Kind, "not a report job"),
    };

    private RenderedPeriod Weekly(JobDefinition job, JobPeriod period, Action<string>? progress)
    {
        var files = new List<string>();
        var deliveries = new List<PlannedDelivery>();
        var qa = recipients.QualityTeam();
        foreach (var kind in QualityReports)
        {
            var request = new ReportRequest(kind, period.Key, period.Range!, null);
            var file = Render(request, progress);
            files.Add(file);
            deliveries.AddRange(qa.Select(to => Planned(job, request, file, to, $"SupportLens: {kind.Title()}, {period.Label}")));
        }

        return new RenderedPeriod(files, deliveries, qa.Count == 0 ? ["no QA recipients: set jobs.recipients.qa"] : []);
    }

    private RenderedPeriod Monthly(JobDefinition job, JobPeriod period, Action<string>? progress)
    {
        var files = new List<string>();
        var deliveries = new List<PlannedDelivery>();
        var notes = new List<string>();

        var executive = new ReportRequest(ReportKind.Executive, period.Key, period.Range!, null);
        var pack = Render(executive, progress);
        files.Add(pack);
        var executives = recipients.Executives();
        deliveries.AddRange(executives.Select(to => Planned(job, executive, pack, to, $"SupportLens: Executive pack, {period.Label}")));
        if (executives.Count == 0)
        {
            notes.Add("no executive recipients: add users with the executive role and an email, or jobs.recipients.executives");
        }

        var monthEnd = period.Range!.To.ToDateOnly();
        foreach (var client in clients.All().Where(c => c.IsActiveOn(monthEnd)))
        {
            var request = new ReportRequest(ReportKind.ClientHealth, period.Key, period.Range!, client.ClientId);
            var file = Render(request, progress);
            files.Add(file);
            var managers = recipients.SuccessManager(client);
            deliveries.AddRange(managers.Select(to =>
                Planned(job, request, file, to, $"SupportLens: Client health, {client.Name} ({client.ClientId}), {period.Label}")));
            if (managers.Count == 0)
            {
                notes.Add($"client-health/{client.ClientId}: no address for success manager \"{client.SuccessManager ?? "(none)"}\"");
            }
        }

        return new RenderedPeriod(files, deliveries, notes);
    }

    private string Render(ReportRequest request, Action<string>? progress)
    {
        var file = renderer.Render(request);
        progress?.Invoke($"  rendered {request.ReportId} -> {file}");
        return file;
    }

    private static PlannedDelivery Planned(JobDefinition job, ReportRequest request, string file, string recipient, string subject) =>
        new(new DeliveryKey(request.ReportId, request.PeriodKey, recipient), job.Name, file, subject);
}
