using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Anomalies;
using SupportLens.Analytics.Forecasting;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Documents.Data;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Documents.Sections;

/// <summary>
/// The month's daily contacts and the stored forecast of the next month with its 80 % and 95 % intervals (what
/// `supportlens forecast` prints for the total series): the actual days and the forecast are counted the same way.
/// </summary>
internal sealed class VolumeForecastSection(PeriodFigures figures) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        var next = figures.Span.Next;
        var nextName = next.Label;
        column.Heading($"Volume and next {figures.Span.Unit}'s forecast", 2);
        var actual = figures.Volumes.Series.FirstOrDefault(s => s.Key == VolumeHistoryReader.TotalKey);
        var days = actual is null
            ? []
            : Enumerable.Range(0, actual.Length).Select(i => (Day: actual.DateAt(i), Value: actual.Values[i]))
                .Where(d => d.Day >= figures.Start && d.Day <= figures.Period.To).ToList();
        var run = figures.Forecast;
        var series = run?.Series.FirstOrDefault(s => s.Key == VolumeHistoryReader.TotalKey);
        var ahead = series?.Points.Where(p => p.Date >= next.Start && p.Date <= next.Period.To).ToList() ?? [];

        if (days.Count == 0 && ahead.Count == 0)
        {
            column.NoData($"No contact was counted in {figures.Label} and no forecast reaches {nextName}.");
            return;
        }

        var text = new List<string>();
        if (days.Count > 0)
        {
            text.Add(string.Create(CultureInfo.InvariantCulture,
                $"{ReportText.Count((long)days.Sum(d => d.Value))} contacts in {figures.Label} to {ReportText.Day(days[^1].Day)}, counted as the forecast counts them: {run?.Sources ?? "tickets by channel"}."));
        }

        if (run is null || series is null)
        {
            text.Add("No forecast is stored yet: `supportlens refresh` makes one after each load.");
        }
        else if (ahead.Count == 0)
        {
            text.Add($"The stored forecast was made from data through {ReportText.Day(run.HistoryThrough)} and covers {ReportText.Day(series.Points[0].Date)} to " +
                     $"{ReportText.Day(series.Points[^1].Date)}: it does not reach {nextName}. Only the latest forecast is kept.");
        }
        else
        {
            text.Add(string.Create(CultureInfo.InvariantCulture,
                $"The forecast of {nextName} ({ahead.Count} days, model {series.Model}, made from data through {ReportText.Day(run.HistoryThrough)}) adds up to {ReportText.Count((long)Math.Round(ahead.Sum(p => p.Value)))} contacts; " +
                $"the bands are each day's 80 % and 95 % intervals, which held {Share(run.Coverage.Coverage80)} and {Share(run.Coverage.Coverage95)} of held-out days."));
        }

        column.Lead(string.Join(" ", text));
        var zone = figures.ReportZone;
        TimeValue At(LocalDate day, double? value) => new(zone.StartOfDay(day.ToDateOnly()), value);
        column.Chart(new LineChart(new LineChartData(
            $"Contacts per day, {figures.Label}" + (ahead.Count > 0 ? $", and the forecast of {nextName}" : ""),
            "Contacts per day",
            ValueFormat.Count,
            zone,
            [new TimeSeries("Contacts", [.. days.Select(d => At(d.Day, d.Value))])],
            ahead.Count == 0 ? null : new TimeSeries("Forecast", [.. ahead.Select(p => At(p.Date, p.Value))]),
            ahead.Count == 0 || ahead.Any(p => p.Lo80 is null)
                ? null
                :
                [
                    new ForecastBand("80 % interval", 0.8, [.. ahead.Select(p => new BandValue(zone.StartOfDay(p.Date.ToDateOnly()), p.Lo80!.Value, p.Hi80!.Value))]),
                    new ForecastBand("95 % interval", 0.95, [.. ahead.Select(p => new BandValue(zone.StartOfDay(p.Date.ToDateOnly()), p.Lo95!.Value, p.Hi95!.Value))]),
                ])), 190);
    }

    private static string Share(double? share) => share is { } s ? (s * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : ReportText.NotMeasured;
}

/// <summary>The month's most unusual days per client (stored spikes), strongest first.</summary>
internal sealed class SpikesSection(PeriodFigures figures, string? clientId = null, int shown = 10) : IReportSection
{
    public void Compose(ColumnDescriptor column)
    {
        column.Heading(clientId is null ? "Notable spikes" : "Unusual days", 2);
        var month = figures.Label;
        if (figures.Forecast is null)
        {
            column.NoData("Spike detection has not run: `supportlens refresh` scans every client's days with the forecasts.");
            return;
        }

        var total = figures.Volumes.Series.FirstOrDefault(s => s.Key == VolumeHistoryReader.TotalKey);
        if (total is null || total.Length == 0 || total.DateAt(total.Length - 1) < figures.Start || total.Start > figures.Period.To)
        {
            column.NoData($"There is no daily volume for {month}, so no day was scanned for spikes: not measured.");
            return;
        }

        var spikes = figures.Spikes.Where(s => clientId is null || s.ClientId == clientId).ToList();
        if (spikes.Count == 0)
        {
            column.NoData(clientId is null ? $"No client had an unusual day in {month}." : $"No unusual day in {month}.");
            return;
        }

        var strongest = spikes.OrderByDescending(s => Math.Abs(s.Spike.Score)).ThenBy(s => s.Spike.Date).ThenBy(s => s.ClientId, StringComparer.Ordinal).Take(shown).ToList();
        column.Lead($"{spikes.Count} unusual client-day{(spikes.Count == 1 ? "" : "s")} in {month}, against the same weekday of the weeks around it" +
                    (spikes.Count > shown ? $"; the {shown} strongest." : "."));
        column.Table(t => t
            .Column("Day", 1.1f)
            .Column("Client", 2.2f)
            .Column("Channel", 0.8f)
            .Column("Contacts", 0.8f, TextAlign.Right)
            .Column("Expected", 1.2f, TextAlign.Right)
            .Column("Score", 0.6f, TextAlign.Right)
            .Column("", 1.4f)
            .Rows(strongest, s =>
            [
                ReportText.Day(s.Spike.Date),
                $"{s.ClientId} {figures.ClientName(s.ClientId)}",
                s.Channel == SpikeTable.AllChannels ? "all" : ReportText.Channel(s.Channel),
                s.Spike.Volume.ToString("N0", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{s.Spike.Expected:N1} ({s.Spike.ExpectedLow:N0}–{s.Spike.ExpectedHigh:N0})"),
                s.Spike.Score.ToString("F1", CultureInfo.InvariantCulture),
                new TableCell((s.Spike.Direction == SpikeDirection.High ? "more than usual" : "fewer than usual") + (s.Spike.Holiday ? ", holiday" : ""),
                    s.Spike.Direction == SpikeDirection.High ? CellTone.Missed : CellTone.Muted),
            ]));
    }
}
