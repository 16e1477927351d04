using System.Diagnostics;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Risk;
using SupportLens.Analytics.Risk.Learning;
using SupportLens.Analytics.Tests.Health;
using Xunit.Abstractions;

namespace SupportLens.Analytics.Tests.Risk;

public sealed class ChurnRiskModelTests(ITestOutputHelper output)
{
    private static readonly Lazy<(ChurnHistory History, ChurnSnapshot[] Snapshots)> Book = new(() =>
    {
        var history = new ChurnHistory(clients: 40, churners: 10);
        return (history, history.Monthly().ToArray());
    });

    // FastTree is left out here because it costs ten times LightGbm per fit on this machine (about 100 ms, and a
    // comparison fits each candidate some 60 times); it is trained on the Telco accounts and for determinism elsewhere.
    private static readonly RiskSettings Settings = RiskSettings.Default with
    {
        Candidates = [ClassifierKind.LogisticRegression, ClassifierKind.LightGbm],
    };

    private static readonly Lazy<ChurnRiskModel> Trained = new(() =>
        ChurnRiskModel.Train(Book.Value.Snapshots, ChurnHistory.DataEnd, Settings, HealthSettings.Default));

    [Fact]
    public void Compares_the_candidates_by_time_ordered_cross_validation_and_keeps_the_best()
    {
        var clock = Stopwatch.StartNew();
        var card = Trained.Value.Card;
        output.WriteLine($"{clock.ElapsedMilliseconds} ms; {card.Note}");

        Assert.Equal(RiskMethod.Model, card.Method);
        Assert.Equal(2, card.Candidates.Length);
        Assert.All(card.Candidates, c => Assert.NotEmpty(c.Folds));
        var chosen = card.Candidates.Single(c => c.Kind == card.Model);
        Assert.Equal(chosen.Auc, card.Auc);
        Assert.Equal(chosen.Brier, card.Brier);
        // No other candidate is better by more than the tie margin.
        Assert.All(card.Candidates, c => Assert.True(c.Auc <= card.Auc + Settings.AucTieWithin));
        Assert.True(card.Auc > 0.8, card.Note);
        Assert.StartsWith("Trained on ", card.Note);
        Assert.Contains($"Kept {card.Model}", card.Note);
    }

    [Fact]
    public void The_model_card_says_what_the_model_was_trained_on()
    {
        var card = Trained.Value.Card;
        var snapshots = Book.Value.Snapshots;

        Assert.Equal(ChurnHistory.DataEnd, card.DataEnd);
        Assert.Equal(snapshots.Length, card.Snapshots);
        // Labelled: snapshots whose 90-day window closes by 2026-10-31 (as-of up to 2026-08-02), plus later ones of
        // clients already known to have churned within it.
        Assert.Equal(ChurnHistory.First, card.WindowStart);
        Assert.True(card.WindowEnd >= new NodaTime.LocalDate(2026, 8, 1));
        Assert.True(card.LabelledSnapshots < card.Snapshots);
        // The ten churners (the last leaves 2026-10-20) each give a churn event.
        Assert.Equal(10, card.ChurnEvents);
        Assert.InRange(card.PositiveSnapshots, 25, 35);
        Assert.Equal(15, card.Features.Length - 1);
        Assert.Contains("tier", card.Features);
        Assert.Equal((90, 0.25, 20261101), (card.HorizonDays, card.AtRiskProbability, card.Seed));
    }

    [Fact]
    public void Churners_are_flagged_before_they_leave_with_drivers_in_the_health_words()
    {
        var (history, _) = Book.Value;
        var model = Trained.Value;
        var day = new NodaTime.LocalDate(2026, 10, 1);
        var active = history.Clients.Where(c => c.IsActiveOn(day)).Select(c => history.Snapshot(c, day)).ToList();

        var risks = model.Assess(active);

        // C-009 leaves on 2026-10-20, 19 days on; the clients that stay are scored on the same day.
        var leaving = risks.Single(r => r.ClientId == "C-009");
        output.WriteLine($"C-009 {leaving.Probability:0.000}: {string.Join(" | ", leaving.Drivers.Select(d => d.Text))}");
        Assert.True(leaving.AtRisk);
        Assert.Equal(RiskMethod.Model, leaving.Method);
        var staying = risks.Where(r => history.Clients.Single(c => c.ClientId == r.ClientId).ChurnedOn is null).ToList();
        Assert.True(staying.Count(r => r.AtRisk) <= staying.Count / 10, $"{staying.Count(r => r.AtRisk)} of {staying.Count} stayers flagged");
        Assert.True(staying.All(r => r.Probability < leaving.Probability));
        Assert.InRange(leaving.Drivers.Length, 1, 3);
        Assert.All(leaving.Drivers, d => Assert.True(d.Weight > 0));
        // Said as the health score says its components.
        var healthTexts = active.Single(s => s.ClientId == "C-009").Health.Components.Select(c => c.Text).ToHashSet();
        Assert.Contains(leaving.Drivers, d => healthTexts.Contains(d.Text) || d.Text.StartsWith("Health", StringComparison.Ordinal)
            || d.Text.StartsWith("Ticket volume", StringComparison.Ordinal));
    }

    [Fact]
    public void Training_is_deterministic()
    {
        var again = ChurnRiskModel.Train(Book.Value.Snapshots, ChurnHistory.DataEnd, Settings, HealthSettings.Default);
        var day = new NodaTime.LocalDate(2026, 9, 1);
        var snapshots = Book.Value.Snapshots.Where(s => s.AsOf == day).ToList();

        Assert.Equal(Trained.Value.Card.Note, again.Card.Note);
        Assert.Equal(Trained.Value.Card.Auc, again.Card.Auc);
        Assert.Equal(Trained.Value.Assess(snapshots).Select(r => r.Probability), again.Assess(snapshots).Select(r => r.Probability));
    }

    [Fact]
    public void With_fewer_than_five_churn_events_health_rules_flag_and_say_so()
    {
        var history = new ChurnHistory(clients: 20, churners: 3);
        var model = ChurnRiskModel.Train(history.Monthly(), ChurnHistory.DataEnd, RiskSettings.Default, HealthSettings.Default);
        var day = new NodaTime.LocalDate(2026, 10, 1);
        var snapshots = history.Clients.Where(c => c.IsActiveOn(day)).Select(c => history.Snapshot(c, day)).ToList();

        var risks = model.Assess(snapshots);

        Assert.Equal(RiskMethod.HealthRules, model.Card.Method);
        Assert.Null(model.Card.Model);
        Assert.Null(model.Card.Auc);
        Assert.Empty(model.Card.Candidates);
        Assert.Equal(3, model.Card.ChurnEvents);
        Assert.Equal(
            "3 churned clients in the labelled history, fewer than 5: too few to train a model. At-risk flags come from health " +
            "rules (red; down 15 points or more beyond the book's median change over 30 days; or not green with a renewal within " +
            "60 days) and carry no probability.",
            model.Card.Note);
        var changes = snapshots.Select(s => (double)s.Health.Trend!.Change).Order().ToList();
        // 18 clients (C-000 and C-001 have left): the mean of the two middle changes.
        Assert.Equal(18, changes.Count);
        var median = (changes[8] + changes[9]) / 2;
        Assert.All(risks, r =>
        {
            Assert.Equal(RiskMethod.HealthRules, r.Method);
            Assert.Null(r.Probability);
            var snapshot = snapshots.Single(s => s.ClientId == r.ClientId);
            var health = snapshot.Health;
            var renewing = health.Band != HealthBand.Green && snapshot.Inputs.NextRenewal is { } renewal && renewal >= day && renewal <= day.PlusDays(60);
            Assert.Equal(health.Band == HealthBand.Red || health.Trend!.Change - median <= -15 || renewing, r.AtRisk);
            var renewalText = health.Components.Single(c => c.Component == HealthComponent.RenewalProximity).Text;
            var expected = renewing && health.Drivers.All(d => d.Component != HealthComponent.RenewalProximity)
                ? new[] { renewalText! }.Concat(health.Drivers.Select(d => d.Text)).Take(3)
                : health.Drivers.Select(d => d.Text);
            Assert.Equal(expected, r.Drivers.Select(d => d.Text));
        });
        // The last churner (2026-10-20) is red or falling fast by 2026-10-01.
        Assert.True(risks.Single(r => r.ClientId == "C-002").AtRisk);
    }

    [Fact]
    public void Under_health_rules_a_dip_the_whole_book_shares_is_not_a_flag()
    {
        var history = new ChurnHistory(clients: 20, churners: 3);
        var model = ChurnRiskModel.Train(history.Monthly(), ChurnHistory.DataEnd, RiskSettings.Default, HealthSettings.Default);
        var day = new NodaTime.LocalDate(2026, 10, 1);
        var scorer = HealthFixtures.Scorer();
        // Everyone scores 94 a month ago; today every client but one is at 74 (amber, 20 down: an overloaded month),
        // and C-010 is at 54 (amber, 40 down: 20 beyond the book).
        var book = Enumerable.Range(3, 9).Select(i => Dip(history.Clients[i], i == 10 ? 54 : 74)).ToList();

        var risks = model.Assess(book);

        Assert.Equal(["C-010"], risks.Where(r => r.AtRisk).Select(r => r.ClientId));
        // Assessed alone, there is no book to compare with: the 20-point fall counts as it is.
        Assert.True(model.Assess([book[0]]).Single().AtRisk);

        ChurnSnapshot Dip(ClientAccount client, int score)
        {
            var settings = HealthScorerTests.CsatOnly();
            var csat = new HealthScorer(settings, HealthFixtures.Targets);
            // CSAT alone with an identity curve: score = CSAT % + 10 for a professional target of 90; the tier is set to match.
            var account = client with { Tier = Analytics.Sla.SupportTier.Professional };
            var earlier = csat.Score(HealthScorerTests.Bare(day.PlusDays(-30), 84, 100) with { ClientId = client.ClientId });
            var inputs = HealthScorerTests.Bare(day, score - 10, 100) with { ClientId = client.ClientId };
            return new ChurnSnapshot(account, inputs, csat.Score(inputs, earlier));
        }
    }

    [Theory]
    // Amber (CSAT 74 % against 90 %: score 84 − 10 = 74 on the identity curve) renewing in 45 days: flagged, renewal said first.
    [InlineData(64, 45, true)]
    // Amber, but the renewal is 75 days away: beyond the 60-day window.
    [InlineData(64, 75, false)]
    // Green (score 90) renewing in 10 days: a happy client at renewal is not a flag.
    [InlineData(80, 10, false)]
    public void Under_health_rules_an_unhappy_client_near_its_renewal_is_flagged(int csatPct, int renewalInDays, bool flagged)
    {
        var history = new ChurnHistory(clients: 20, churners: 3);
        var model = ChurnRiskModel.Train(history.Monthly(), ChurnHistory.DataEnd, RiskSettings.Default, HealthSettings.Default);
        var day = new NodaTime.LocalDate(2026, 10, 1);
        var scorer = new HealthScorer(HealthScorerTests.CsatOnly(), HealthFixtures.Targets);
        var inputs = HealthScorerTests.Bare(day, csatPct, 100) with { ClientId = "C-005", NextRenewal = day.PlusDays(renewalInDays) };
        var client = history.Clients[5] with { Tier = Analytics.Sla.SupportTier.Professional };

        var risk = model.Assess([new ChurnSnapshot(client, inputs, scorer.Score(inputs))]).Single();

        Assert.Equal(flagged, risk.AtRisk);
        Assert.Equal(flagged, risk.Drivers.FirstOrDefault()?.Feature == "renewal_proximity");
        if (flagged)
        {
            Assert.Equal($"Renewal in {renewalInDays} days ({day.PlusDays(renewalInDays):yyyy-MM-dd})", risk.Drivers[0].Text);
        }
    }

    [Fact]
    public void Without_a_month_to_validate_on_the_first_candidate_is_kept_and_the_card_says_so()
    {
        var settings = Settings with { MinimumTrainingEventsPerFold = 50 };

        var model = ChurnRiskModel.Train(Book.Value.Snapshots, ChurnHistory.DataEnd, settings, HealthSettings.Default);

        Assert.Equal(RiskMethod.Model, model.Card.Method);
        Assert.Equal(ClassifierKind.LogisticRegression, model.Card.Model);
        Assert.Null(model.Card.Auc);
        Assert.Null(model.Card.Brier);
        Assert.All(model.Card.Candidates, c => Assert.Empty(c.Folds));
        Assert.EndsWith(
            "Not cross-validated: no month had 50 churned clients whose 90-day window closed before it. Kept LogisticRegression, the first candidate.",
            model.Card.Note);
    }

    [Fact]
    public void Invalid_settings_are_refused_with_their_key_paths()
    {
        var settings = RiskSettings.Default with
        {
            Candidates = [],
            AtRiskProbability = 0,
            Classifier = RiskSettings.Default.Classifier with { CalibrationFolds = 1 },
        };

        var error = Assert.Throws<ArgumentException>(() => ChurnRiskModel.Train([], ChurnHistory.DataEnd, settings, HealthSettings.Default));

        Assert.Contains("risk.candidates: one or more distinct classifiers", error.Message);
        Assert.Contains("risk.at_risk_probability", error.Message);
        Assert.Contains("risk.classifier.calibration_folds", error.Message);
        Assert.Empty(RiskSettings.Default.Problems());
    }
}
