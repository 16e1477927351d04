using System.Globalization;
using System.Text;
using NodaTime;
using SupportLens.Analytics.Incidents;

namespace SupportLens.Web.Cli;

/// <summary>The incidents and availability sections of `supportlens metrics` as text (the JSON is <see cref="Presentation.IncidentsDocument"/>).</summary>
internal static class IncidentsOutput
{
    internal static void AppendText(StringBuilder text, IncidentReport report)
    {
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Incidents (by start in the period, as of {report.AsOf.InZone(report.Period.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} {report.Period.Zone.Id}; compliance = met of decided)");
        text.AppendLine("severity  count  initial response      communication         resolution            MTTA      MTTR");
        foreach (var s in report.BySeverity.Append(report.Overall))
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{s.Key,-8} {s.Incidents,6}  {Cell(s.InitialResponse),-20}  {Cell(s.ClientCommunication),-20}  {Cell(s.Resolution),-20}  {Span(s.MeanTimeToAcknowledge),-8}  {Span(s.MeanTimeToResolve)}");
        }

        text.AppendLine();
        var target = report.Components.FirstOrDefault();
        text.AppendLine(target is null
            ? "Availability: no checks in the period"
            : string.Create(CultureInfo.InvariantCulture,
                $"Availability (time-weighted checks; target >= {target.Availability.Target:0.###} %, p95 latency < {target.P95Latency.Target:0.###} ms)"));
        if (target is null)
        {
            return;
        }
        text.AppendLine("component             availability            p95 latency");
        foreach (var c in report.Components)
        {
            var availability = c.AvailabilityPct is { } a
                ? string.Create(CultureInfo.InvariantCulture, $"{a:F3} % {Verdict(c.Availability.Met)}")
                : "not measured";
            var latency = c.P95LatencyMs is { } p
                ? string.Create(CultureInfo.InvariantCulture, $"{p:F0} ms {Verdict(c.P95Latency.Met)}")
                : "not measured";
            text.AppendLine(CultureInfo.InvariantCulture, $"{Presentation.Figures.Clip(c.Component, 20),-20}  {availability,-22}  {latency}");
        }
    }

    /// <summary>"50.0 % (1/2)", with the incidents still waiting; "n/a" when the severity promises nothing for the step.</summary>
    private static string Cell(IncidentCompliance c)
    {
        var open = c.Open > 0 ? string.Create(CultureInfo.InvariantCulture, $" +{c.Open} open") : "";
        if (c.Percent is { } p)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{p:F1} % ({c.Met}/{c.Decided}){open}");
        }
        return c.NotApplicable > 0 && c.Open == 0 ? "n/a" : c.Open > 0 ? open.TrimStart() : Analytics.Metrics.TargetCheck.NotMeasured;
    }

    private static string Verdict(bool? met) => met switch { true => "met", false => "MISSED", null => "" };

    /// <summary>A mean duration, rounded to the minute: "15m", "4h05m", "8d08h".</summary>
    private static string Span(Duration? duration)
    {
        if (duration is not { } d)
        {
            return Analytics.Metrics.TargetCheck.NotMeasured;
        }
        var minutes = (long)Math.Round(d.TotalMinutes);
        return minutes switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes}m"),
            < 48 * 60 => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}h{minutes % 60:00}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{minutes / 1440}d{minutes % 1440 / 60:00}h"),
        };
    }
}
