using System.Text.Json;
using NodaTime;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Health;
using SupportLens.Storage;
using SupportLens.Storage.Sql;
using NodaTime.Text;
using Xunit.Abstractions;

namespace SupportLens.Web.Tests.Cli;

/// <summary>
/// On the committed sample (loaded and refreshed by `demo --no-serve`, once for these tests): how many of the six
/// clients that leave are flagged at risk 30 and 60 days before they go, and how many clients that stay are flagged on
/// the same days. Every flag is the stored one, made by a risk run that knew only the data up to its own day.
/// Measured (2026-11-30, the sample of main at 1972660): 6 of 6 at 30 days with 15 false alarms in 200 stayer-days (7.5 %);
/// 4 of 6 at 60 days with 10 in 198 (5.1 %). Goal: at least 5 of 6 at 30 days with at most 10 % false alarms.
/// </summary>
public sealed class ChurnFlagsSampleTests(ChurnFlagsSampleTests.SampleBook sample, ITestOutputHelper output)
    : IClassFixture<ChurnFlagsSampleTests.SampleBook>
{
    public sealed class SampleBook : IDisposable
    {
        private readonly TempDirectory _dir = new();

        public SampleBook()
        {
            var demo = CliRunner.Run("demo", "--no-serve", "--data", _dir.Path);
            Assert.True(demo.ExitCode == 0, demo.Error);
            Warehouse = Warehouse.Open(_dir.Path, TimeProvider.System);
            Service = new ClientHealthService(Warehouse, SupportLensSettings.Default);
            using var connection = Warehouse.OpenConnection();
            using var command = connection.CreateCommand("SELECT client_id, churned_on FROM clients WHERE churned_on IS NOT NULL ORDER BY churned_on");
            using var reader = command.ExecuteReader();
            var churners = new List<(string, LocalDate)>();
            while (reader.Read())
            {
                churners.Add((reader.GetString(0), LocalDate.FromDateOnly(reader.GetDateOnly(1))));
            }
            Churners = churners;
        }

        public string Path => _dir.Path;

        public Warehouse Warehouse { get; }

        public ClientHealthService Service { get; }

        public IReadOnlyList<(string Client, LocalDate ChurnedOn)> Churners { get; }

        public void Dispose()
        {
            Warehouse.Dispose();
            _dir.Dispose();
        }
    }

    private sealed record Measurement(int Flagged, int Churners, int FalseAlarms, int StayerDays)
    {
        public double FalseAlarmRate => (double)FalseAlarms / StayerDays;
    }

    private Measurement Measure(int daysBefore)
    {
        int flagged = 0, falseAlarms = 0, stayerDays = 0;
        foreach (var (client, churnedOn) in sample.Churners)
        {
            var day = churnedOn.PlusDays(-daysBefore);
            var detail = sample.Service.Client(client, day);
            Assert.NotNull(detail);
            // The flag on that day came from a run trained on what was known by then, never later.
            Assert.NotNull(detail.Run);
            Assert.True(detail.Run.RunAsOf <= day, $"{client} on {day} was assessed by the run of {detail.Run.RunAsOf}");
            using (var card = JsonDocument.Parse(detail.Run.CardJson))
            {
                Assert.True(LocalDatePattern.Iso.Parse(card.RootElement.GetProperty("data_end").GetString()!).Value <= day);
            }
            var atRisk = detail.Entry.Risk?.AtRisk == true;
            flagged += atRisk ? 1 : 0;
            var stayers = sample.Service.Book(day).Clients.Where(c => c.Client.ChurnedOn is null).ToList();
            stayerDays += stayers.Count;
            falseAlarms += stayers.Count(c => c.Risk?.AtRisk == true);
            output.WriteLine($"{daysBefore} days before: {client} on {day}: {(atRisk ? "flagged" : "not flagged")} " +
                $"({detail.Entry.Risk?.Method}, p = {detail.Entry.Risk?.Probability:0.00}, health {detail.Entry.Health.Score}); " +
                $"{stayers.Count(c => c.Risk?.AtRisk == true)} of {stayers.Count} clients that stay flagged");
        }
        return new Measurement(flagged, sample.Churners.Count, falseAlarms, stayerDays);
    }

    [Fact]
    public void At_least_five_of_the_six_churners_are_flagged_30_days_ahead_with_at_most_ten_percent_false_alarms()
    {
        var m = Measure(30);
        output.WriteLine($"30 days: {m.Flagged} of {m.Churners} flagged; false alarms {m.FalseAlarms} of {m.StayerDays} ({m.FalseAlarmRate:P1})");
        Assert.Equal(6, m.Churners);
        Assert.True(m.Flagged >= 5, $"{m.Flagged} of 6 flagged 30 days ahead");
        Assert.True(m.FalseAlarmRate <= 0.10, $"false alarm rate {m.FalseAlarmRate:P1}");
    }

    [Fact]
    public void Sixty_days_ahead_most_churners_are_flagged_and_false_alarms_stay_rare()
    {
        var m = Measure(60);
        output.WriteLine($"60 days: {m.Flagged} of {m.Churners} flagged; false alarms {m.FalseAlarms} of {m.StayerDays} ({m.FalseAlarmRate:P1})");
        Assert.True(m.Flagged >= 4, $"{m.Flagged} of 6 flagged 60 days ahead");
        Assert.True(m.FalseAlarmRate <= 0.10, $"false alarm rate {m.FalseAlarmRate:P1}");
    }

    [Fact]
    public void The_horizon_run_is_a_cross_validated_model_and_health_json_shows_its_card()
    {
        var result = CliRunner.Run("health", "--json", "--data", sample.Path);
        Assert.Equal(0, result.ExitCode);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.Equal("2026-10-31", root.GetProperty("as_of").GetString());
        // C-024 left on 2026-10-11: 34 of the 40 clients are active on the last day.
        Assert.Equal(34, root.GetProperty("clients").GetArrayLength());
        var card = root.GetProperty("model_card");
        Assert.Equal("model", card.GetProperty("method").GetString());
        Assert.Equal(6, card.GetProperty("churn_events").GetInt32());
        var auc = card.GetProperty("auc").GetDouble();
        var brier = card.GetProperty("brier").GetDouble();
        output.WriteLine($"horizon run: {card.GetProperty("model").GetString()}, AUC {auc:0.000}, Brier {brier:0.0000}; {card.GetProperty("note").GetString()}");
        Assert.InRange(auc, 0.75, 1);
        Assert.InRange(brier, 0, 0.1);
        Assert.All(root.GetProperty("clients").EnumerateArray(), c => Assert.Equal(JsonValueKind.Number, c.GetProperty("risk").ValueKind));
    }

    [Fact]
    public void A_churner_30_days_ahead_reads_as_a_success_manager_would_say_it()
    {
        var result = CliRunner.Run("health", "--client", "C-026", "--as-of", "2026-04-21", "--data", sample.Path);
        Assert.Equal(0, result.ExitCode);
        output.WriteLine(result.Output);
        Assert.Contains("C-026 Stonebridge Realty: professional tier, success manager Sofia Marquez, renewal 2026-05-21", result.Output);
        Assert.Contains("Risk: AT RISK under health rules", result.Output);
        Assert.Contains("13 SLA breaches in the last 30 days (75.9 % of 54 targets met, target 95 %)", result.Output);
        // Amber a month before its renewal: the health rules say the renewal first.
        Assert.Contains("What the health rules flag it for\n  1. Renewal in 30 days (2026-05-21)", result.Output);
    }
}
