using System.Globalization;
using System.Text;
using SupportLens.Web.Jobs.Ledger;

namespace SupportLens.Web.Jobs.Dashboard;

/// <summary>/jobs/supportlens/runs: the run ledger, newest first, every node's runs.</summary>
internal sealed class RunsPage() : LedgerPage("Runs")
{
    public const string Route = "/supportlens/runs";

    protected override void Body(StringBuilder html, IServiceProvider services)
    {
        var runs = Service<RunLedger>(services).Recent(200);
        html.Append("<p>Every run of every job, from the run ledger the nodes share. A failed period is tried again at its next attempt time; ")
            .Append("`supportlens jobs run NAME --month YYYY-MM` runs one by hand.</p>");
        if (runs.Count == 0)
        {
            html.Append("<p><em>No runs yet.</em></p>");
            return;
        }

        Table(html, ["Job", "Period", "Reason", "Attempt", "Status", "Node", "Started", "Took", "Result", "Next attempt"], runs.Select(r =>
            (IReadOnlyList<(string, string?)>)
            [
                (Encode(r.Job), null), (Encode(r.Period), null), (Encode(r.Reason), null), (r.Attempt.ToString(CultureInfo.InvariantCulture), null),
                (Encode(RunLedger.Name(r.Status)), r.Status switch { RunStatus.Succeeded => "success", RunStatus.Running => "info", _ => "danger" }),
                (Encode(r.Node), null), (When(r.StartedAt), null),
                (r.Duration is { } d ? d.TotalSeconds.ToString("0.0 s", CultureInfo.InvariantCulture) : "–", null),
                (Encode(r.Error is null ? r.Summary : $"{r.Error}{(r.Summary is null ? "" : $" ({r.Summary})")}"), null),
                (r.Status is RunStatus.Failed or RunStatus.Interrupted ? When(r.NextAttemptAt) : "", null),
            ]));
    }
}
