using System.Globalization;
using SupportLens.Reports.Charts;
using SupportLens.Reports.Pdf;

namespace SupportLens.Reports.Tests.Samples;

/// <summary>
/// A demo scorecard that uses every component of the document layer: title, tiles, each chart kind, a
/// 120-row table, a "no data" notice and a landscape page. Its numbers are made up (seeded), not Analytics'.
/// </summary>
internal sealed class DemoScorecard : IReportDocument
{
    public const int ClientRows = 120;

    private static readonly ReportingZone Zone = ReportingZone.NewYork;

    public DocumentInfo Info { get; } = new(
        "Demo scorecard",
        "Support performance, November 2026 (demo data)",
        "November 2026",
        Zone);

    public void Compose(ReportDocument document) => document
        .Page(page => page
            .Title("Support scorecard", $"November 2026 · all times in {Zone.Id} · demo data")
            .Section(new ScorecardSection())
            .Section(new VolumeSection())
            .Section(new ChannelSection())
            .Section(new SlaSection()))
        .Page(PageOrientation.Landscape, page => page
            .Section(new ArrivalPatternSection()))
        .Page(page => page
            .Section(new IncidentSection())
            .Section(new ClientSection()));

    private sealed class ScorecardSection : IReportSection
    {
        public static Sparkline CsatTrend() => new(new SparklineData(
            "CSAT, last five months",
            [new("Jul", 94.8), new("Aug", 95.2), new("Sep", 94.0), new("Oct", 94.1), new("Nov", 93.4)],
            ValueFormat.Percent,
            new TargetLine(95, "Target ≥ 95 %")));

        public void Compose(ColumnDescriptor column) => column
            .Heading("Scorecard")
            .Paragraph("Every target of the support plan for the month, against the month before. A figure with no data behind it is shown as “–” and counts as not measured, never as met.")
            .KpiTiles(
            [
                new KpiTile("CSAT", 93.4, ValueFormat.Percent, new KpiTarget(Comparison.AtLeast, 95), 94.1, "Oct", [94.8, 95.2, 94.0, 94.1, 93.4]),
                new KpiTile("NPS", 62, ValueFormat.Nps, new KpiTarget(Comparison.Above, 60), 58, "Oct", [51, 55, 57, 58, 62]),
                new KpiTile("First-contact resolution", 91.2, ValueFormat.Percent, new KpiTarget(Comparison.AtLeast, 90), 90.3, "Oct", [88.0, 89.5, 90.1, 90.3, 91.2]),
                new KpiTile("SLA first response", 96.8, ValueFormat.Percent, new KpiTarget(Comparison.AtLeast, 95), 97.5, "Oct", [96.0, 97.1, 97.9, 97.5, 96.8]),
                new KpiTile("Escalation rate", 11.3, ValueFormat.Percent, new KpiTarget(Comparison.Below, 10), 9.4, "Oct", [8.8, 9.0, 9.9, 9.4, 11.3]),
                new KpiTile("Reopen rate", null, ValueFormat.Percent, new KpiTarget(Comparison.Below, 5), null, "Oct"),
                new KpiTile("Availability", 99.95, new ValueFormat(2, " %", " pts"), new KpiTarget(Comparison.AtLeast, 99.9), 99.97, "Oct"),
                new KpiTile("Tickets", 12_480, ValueFormat.Count, null, 11_902, "Oct", [10_950, 11_420, 11_760, 11_902, 12_480]),
            ]);
    }

    /// <summary>Each figure of the scorecard, for the SVG and CSV exports next to the sample PDF.</summary>
    public static IReadOnlyList<Figure> Figures() =>
        [VolumeSection.Chart(), ChannelSection.ByChannel(), ChannelSection.CsatByTier(), SlaSection.Chart(), ArrivalPatternSection.Chart(), ScorecardSection.CsatTrend()];

    private sealed class VolumeSection : IReportSection
    {
        public void Compose(ColumnDescriptor column) => column
            .Heading("Volume and next weeks’ forecast")
            .Chart(Chart())
            .Note("Forecast: demo values; the shaded bands are the 80 % and 95 % intervals.");

        public static LineChart Chart()
        {
            var random = new Random(20261130);
            var november = Enumerable.Range(0, 30).Select(d => new DateOnly(2026, 11, 1).AddDays(d)).ToList();
            var actual = november.Select(day => new TimeValue(
                Zone.StartOfDay(day),
                day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 220 + random.Next(40) : 430 + random.Next(90))).ToList();
            var december = Enumerable.Range(0, 14).Select(d => new DateOnly(2026, 12, 1).AddDays(d)).ToList();
            var forecast = december.Select((day, i) => (At: Zone.StartOfDay(day), Value: day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 240.0 : 470.0, Spread: 30 + 2.5 * i)).ToList();
            return new LineChart(new LineChartData(
                    "Tickets per day, November actuals and forecast to mid-December",
                    "Tickets per day",
                    ValueFormat.Count,
                    Zone,
                    [new TimeSeries("Tickets", actual)],
                    new TimeSeries("Forecast", forecast.Select(f => new TimeValue(f.At, f.Value)).ToList()),
                    [
                        new ForecastBand("80 % interval", 0.8, forecast.Select(f => new BandValue(f.At, f.Value - f.Spread, f.Value + f.Spread)).ToList()),
                        new ForecastBand("95 % interval", 0.95, forecast.Select(f => new BandValue(f.At, f.Value - 1.6 * f.Spread, f.Value + 1.6 * f.Spread)).ToList()),
                    ],
                    new TargetLine(550, "Staffed capacity 550 / day")));
        }
    }

    private sealed class ChannelSection : IReportSection
    {
        public void Compose(ColumnDescriptor column) => column
            .Heading("Channels and tiers")
            .Row(row => row
                .RelativeItem(3, item => item.Chart(ByChannel(), 190))
                .RelativeItem(2, item => item.Chart(CsatByTier(), 190)));

        public static StackedBarChart ByChannel()
        {
            string[] months = ["Jun", "Jul", "Aug", "Sep", "Oct", "Nov"];
            (string Channel, double[] Counts)[] channels =
            [
                ("Email", [4100, 4250, 4400, 4300, 4520, 4610]),
                ("Chat", [3020, 3150, 3300, 3500, 3610, 3790]),
                ("Phone", [1900, 1850, 1800, 1760, 1700, 1720]),
                ("Web", [1100, 1180, 1220, 1300, 1350, 1440]),
                ("API", [620, 640, 700, 760, 722, 920]),
            ];
            return new StackedBarChart(new BarChartData(
                "Tickets by channel per month",
                "Tickets",
                ValueFormat.Count,
                channels.Select(c => new CategorySeries(c.Channel, months.Zip(c.Counts, (m, n) => new LabelledValue(m, n)).ToList())).ToList()));
        }

        public static BarChart CsatByTier() => new(new BarChartData(
            "CSAT by tier, November",
            "CSAT %",
            ValueFormat.Percent,
            [new CategorySeries("CSAT", [new("Starter", 88.2), new("Professional", 91.0), new("Business", 95.6), new("Enterprise", 97.1)])],
            new TargetLine(95, "Target ≥ 95 %")));
    }

    private sealed class SlaSection : IReportSection
    {
        public void Compose(ColumnDescriptor column) => column
            .Heading("SLA compliance by tier")
            .Chart(Chart());

        public static BulletChart Chart() => new(new BulletChartData(
                "First-response SLA met, by tier (target 95 %)",
                ValueFormat.Percent,
                [
                    new BulletItem("Starter", 97.9, 95, [85, 95]),
                    new BulletItem("Professional", 94.2, 95, [85, 95]),
                    new BulletItem("Business", 99.3, 95, [85, 95]),
                    new BulletItem("Enterprise", null, 95, [85, 95]),
                ],
                80,
                100));
    }

    private sealed class ArrivalPatternSection : IReportSection
    {
        public void Compose(ColumnDescriptor column) => column
            .Heading("When tickets arrive")
            .Paragraph("Average tickets created per hour of the week in November. Struck-through cells had no data (the Sunday 00–04 maintenance window).")
            .Chart(Chart());

        public static HeatmapChart Chart()
        {
            var cells = new List<HeatCell>();
            foreach (var day in Enum.GetValues<DayOfWeek>())
            {
                for (var hour = 0; hour < 24; hour++)
                {
                    var weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday;
                    var business = hour is >= 8 and < 19;
                    double? value = day == DayOfWeek.Sunday && hour < 4 ? null : (weekend ? 4 : 10) + (business ? (weekend ? 12 : 48) - Math.Abs(13 - hour) * 3 : 0);
                    cells.Add(new HeatCell(day, hour, value));
                }
            }

            return new HeatmapChart(new HeatmapChartData("Tickets created per hour, by weekday", "Tickets per hour", ValueFormat.Count, Zone, cells));
        }
    }

    private sealed class IncidentSection : IReportSection
    {
        public void Compose(ColumnDescriptor column) => column
            .Heading("Incidents")
            .NoData("No incident was recorded in November 2026, so there is no incident timeline or availability breakdown for the month.");
    }

    private sealed class ClientSection : IReportSection
    {
        public void Compose(ColumnDescriptor column)
        {
            var random = new Random(7);
            string[] tiers = ["Starter", "Professional", "Business", "Enterprise"];
            var rows = Enumerable.Range(1, ClientRows).Select(i =>
            {
                var csat = 80 + random.NextDouble() * 20;
                var sla = 85 + random.NextDouble() * 15;
                var csatCell = i % 17 == 0 ? new TableCell(ValueFormat.NotMeasured, CellTone.Muted) : new TableCell(ValueFormat.Percent.Format(csat));
                var slaCell = new TableCell(ValueFormat.Percent.Format(sla), sla < 95 ? CellTone.Missed : CellTone.Normal);
                return new TableCell[]
                {
                    $"Client {i:000}" + (i % 10 == 0 ? " Holdings International and Subsidiaries" : ""),
                    tiers[i % 4],
                    (50 + random.Next(400)).ToString("N0", CultureInfo.InvariantCulture),
                    csatCell,
                    slaCell,
                };
            });
            column
                .Heading("Clients")
                .Paragraph("Every active client with its volume, CSAT and first-response SLA for the month; SLA below the 95 % target in colour and bold.")
                .Table(table => table
                    .Column("Client", 3)
                    .Column("Tier", 1.4f)
                    .Column("Tickets", 1, TextAlign.Right)
                    .Column("CSAT", 1, TextAlign.Right)
                    .Column("SLA first response", 1.3f, TextAlign.Right)
                    .Rows(rows, r => r));
        }
    }
}
