using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Risk.Learning;

namespace SupportLens.Analytics.Risk;

/// <summary>
/// Probability of churn within <see cref="RiskSettings.HorizonDays"/> days, per client. <see cref="Train"/> labels the
/// history's client-month snapshots by churned_on, compares the candidate classifiers by time-ordered cross-validation
/// (AUC first, Brier within a tie), and trains the winner on every labelled snapshot; with too few churn events it
/// keeps to health rules and says so on its <see cref="Card"/>. <see cref="Assess"/> then scores any day's snapshots.
/// Seeded and deterministic.
/// </summary>
public sealed class ChurnRiskModel
{
    private readonly RiskSettings _settings;
    private readonly SnapshotFeatures _features;
    private readonly TrainedClassifier? _classifier;

    private ChurnRiskModel(RiskSettings settings, SnapshotFeatures features, TrainedClassifier? classifier, RiskModelCard card)
    {
        _settings = settings;
        _features = features;
        _classifier = classifier;
        Card = card;
    }

    public RiskModelCard Card { get; }

    /// <param name="history">Snapshots of every client, churned ones included (typically the first of each month).</param>
    /// <param name="dataEnd">The last day the data covers: labels whose horizon runs past it are unknown.</param>
    /// <param name="health">The health settings the snapshots were scored with (windows, for the volume feature's words).</param>
    /// <exception cref="ArgumentException">The settings have problems (each named by its key path).</exception>
    public static ChurnRiskModel Train(IEnumerable<ChurnSnapshot> history, LocalDate dataEnd, RiskSettings settings, HealthSettings health)
    {
        var problems = settings.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid risk settings: " + string.Join("; ", problems), nameof(settings));
        }
        var features = new SnapshotFeatures(health);
        var snapshots = history.Where(s => s.AsOf <= dataEnd).OrderBy(s => s.AsOf).ThenBy(s => s.ClientId, StringComparer.Ordinal).ToList();
        var labelled = new FeatureTable(features.Schema, snapshots
            .Select(s => (s, label: ChurnLabels.Of(s, settings.HorizonDays, dataEnd)))
            .Where(x => x.label is ChurnLabel.Churned or ChurnLabel.Stayed)
            .Select(x => features.Row(x.s, x.label == ChurnLabel.Churned)));
        var names = features.Schema.Names.ToImmutableArray();
        RiskModelCard Card(RiskMethod method, ClassifierKind? model, CrossValidationResult? chosen, ImmutableArray<CrossValidationResult> candidates, string note) => new(
            dataEnd,
            labelled.Rows.IsEmpty ? null : labelled.Rows.Min(r => r.Time),
            labelled.Rows.IsEmpty ? null : labelled.Rows.Max(r => r.Time),
            snapshots.Count,
            labelled.Rows.Length,
            labelled.Positives,
            labelled.Events,
            method,
            model,
            chosen?.Auc,
            chosen?.Brier,
            candidates,
            names,
            settings.HorizonDays,
            settings.AtRiskProbability,
            settings.Seed,
            note);

        if (labelled.Events < settings.MinimumChurnEvents || labelled.Positives == labelled.Rows.Length)
        {
            var note =
                Invariant($"{labelled.Events} churned {(labelled.Events == 1 ? "client" : "clients")} in the labelled history, fewer than ") +
                Invariant($"{settings.MinimumChurnEvents}: too few to train a model. At-risk flags come from health rules (red; ") +
                Invariant($"down {settings.FallingFastPoints} points or more beyond the book's median change over {health.TrendDays} days") +
                (settings.RenewalWindowDays > 0 ? Invariant($"; or not green with a renewal within {settings.RenewalWindowDays} days") : "") +
                ") and carry no probability.";
            return new ChurnRiskModel(settings, features, null, Card(RiskMethod.HealthRules, null, null, [], note));
        }

        var results = settings.Candidates
            .Select(kind => TimeOrderedCrossValidation.Evaluate(
                labelled, kind, settings.Classifier, settings.HorizonDays, settings.MinimumTrainingEventsPerFold, settings.Seed))
            .ToImmutableArray();
        var best = Choose(results, settings);
        var kind = best?.Kind ?? settings.Candidates[0];
        var classifier = BinaryClassifierTrainer.Train(labelled, kind, settings.Classifier, settings.Seed);
        var summary = best is null
            ? Invariant($"Not cross-validated: no month had {settings.MinimumTrainingEventsPerFold} churned clients whose ") +
                Invariant($"{settings.HorizonDays}-day window closed before it. Kept {kind}, the first candidate.")
            : Invariant($"Kept {kind}: cross-validated AUC {best.Auc:0.000}, Brier {best.Brier:0.0000} over {best.Folds.Length} monthly folds ") +
                Invariant($"({best.Predictions} predictions, {best.Positives} churn snapshots)") +
                string.Concat(results.Where(r => r.Kind != best.Kind).Select(r => $"; {r.Kind} AUC {Figure(r.Auc, "0.000")}, Brier {Figure(r.Brier, "0.0000")}")) +
                ".";
        var trained =
            Invariant($"Trained on {labelled.Rows.Length} labelled snapshots of {labelled.Rows.Select(r => r.Group).Distinct().Count()} clients ") +
            Invariant($"with {labelled.Events} churn events. ");
        return new ChurnRiskModel(settings, features, classifier, Card(RiskMethod.Model, kind, best, results, trained + summary));
    }

    /// <summary>The risk of each snapshot's client on its day, in the order given.</summary>
    public ImmutableArray<ClientRisk> Assess(IEnumerable<ChurnSnapshot> snapshots)
    {
        var list = snapshots.ToList();
        if (_classifier is null)
        {
            var bookChange = list.GroupBy(s => s.AsOf).ToDictionary(day => day.Key, MedianChange);
            return [.. list.Select(s => HealthRules(s, bookChange[s.AsOf]))];
        }
        var table = new FeatureTable(_features.Schema, list.Select(s => _features.Row(s, null)));
        var probabilities = _classifier.Probabilities(table);
        var contributions = _classifier.Contributions(table);
        return
        [
            .. list.Select((s, i) => new ClientRisk(
                s.ClientId,
                s.AsOf,
                probabilities[i],
                probabilities[i] >= _settings.AtRiskProbability,
                RiskMethod.Model,
                _features.Drivers(s, contributions[i], _settings.MaximumDrivers))),
        ];
    }

    /// <summary>The median health change of the clients assessed on one day; 0 when too few of them have a trend.</summary>
    private double MedianChange(IEnumerable<ChurnSnapshot> day)
    {
        var changes = day.Where(s => s.Health.Trend is not null).Select(s => (double)s.Health.Trend!.Change).Order().ToList();
        if (changes.Count < _settings.MinimumBookForMedian)
        {
            return 0;
        }
        var middle = changes.Count / 2;
        return changes.Count % 2 == 1 ? changes[middle] : (changes[middle - 1] + changes[middle]) / 2;
    }

    private ClientRisk HealthRules(ChurnSnapshot s, double bookChange)
    {
        var health = s.Health;
        var renewing = RenewsUnhappy(s);
        var atRisk = health.Band == HealthBand.Red || health.Trend?.Change - bookChange <= -_settings.FallingFastPoints || renewing;
        var drivers = health.Drivers.Select(d => new RiskDriver(d.Component.Key(), d.PointsLost, d.Text)).ToList();
        // When the coming renewal is a reason for the flag, it is said first.
        if (renewing && health.Components.Single(c => c.Component == HealthComponent.RenewalProximity) is { Text: { } text } renewal
            && drivers.All(d => d.Feature != HealthComponent.RenewalProximity.Key()))
        {
            drivers.Insert(0, new RiskDriver(HealthComponent.RenewalProximity.Key(), renewal.PointsLost, text));
        }
        return new ClientRisk(s.ClientId, s.AsOf, null, atRisk, RiskMethod.HealthRules, [.. drivers.Take(_settings.MaximumDrivers)]);
    }

    /// <summary>Health below green and a renewal within <see cref="RiskSettings.RenewalWindowDays"/>: when an unhappy client can leave.</summary>
    private bool RenewsUnhappy(ChurnSnapshot s) =>
        _settings.RenewalWindowDays > 0
        && s.Health.Band is HealthBand.Amber or HealthBand.Red
        && s.Inputs.NextRenewal is { } renewal
        && renewal >= s.AsOf
        && Period.Between(s.AsOf, renewal, PeriodUnits.Days).Days <= _settings.RenewalWindowDays;

    /// <summary>Best AUC; within <see cref="RiskSettings.AucTieWithin"/> of it, lowest Brier; then candidate order.</summary>
    private static CrossValidationResult? Choose(ImmutableArray<CrossValidationResult> results, RiskSettings settings)
    {
        var measured = results.Where(r => r.Auc is not null && r.Brier is not null).ToList();
        if (measured.Count == 0)
        {
            return null;
        }
        var bestAuc = measured.Max(r => r.Auc!.Value);
        return measured
            .Where(r => r.Auc >= bestAuc - settings.AucTieWithin)
            .OrderBy(r => r.Brier)
            .ThenBy(r => settings.Candidates.IndexOf(r.Kind))
            .First();
    }

    private static string Figure(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "not measured";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
