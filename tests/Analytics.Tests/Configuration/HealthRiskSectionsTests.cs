using System.Text.Json.Nodes;
using SupportLens.Analytics.Configuration;
using SupportLens.Analytics.Health;
using SupportLens.Analytics.Risk;
using SupportLens.Analytics.Risk.Learning;

namespace SupportLens.Analytics.Tests.Configuration;

/// <summary>The optional `health` and `risk` sections: documented defaults, partial sections, errors by key path.</summary>
public sealed class HealthRiskSectionsTests
{
    /// <summary>The default configuration with the health and risk sections replaced (or removed, when null).</summary>
    private static string With(string? health, string? risk)
    {
        var root = JsonNode.Parse(SupportLensSettings.Default.ToJson())!.AsObject();
        root.Remove("health");
        root.Remove("risk");
        if (health is not null)
        {
            root["health"] = JsonNode.Parse(health);
        }
        if (risk is not null)
        {
            root["risk"] = JsonNode.Parse(risk);
        }
        return root.ToJsonString();
    }

    private static IReadOnlyList<string> Problems(string json) =>
        Assert.Throws<SettingsException>(() => SupportLensSettings.Parse(json)).Errors;

    [Fact]
    public void The_defaults_are_the_scorer_and_model_defaults()
    {
        var settings = SupportLensSettings.Default;
        Assert.Equal(HealthSectionDocument.From(HealthSettings.Default).Weights, HealthSectionDocument.From(settings.Health).Weights);
        Assert.Equal(76, settings.Health.GreenFrom);
        Assert.Equal(50, settings.Health.RedUpTo);
        Assert.Equal(RiskSettings.Default.Candidates.ToArray(), settings.Risk.Candidates.ToArray());
        Assert.Equal(RiskSettings.Default.HorizonDays, settings.Risk.HorizonDays);
        var json = JsonNode.Parse(settings.ToJson())!;
        Assert.Equal(20, json["health"]!["weights"]!["csat"]!.GetValue<double>());
        Assert.Equal("logistic_regression", json["risk"]!["candidates"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Absent_sections_are_the_defaults()
    {
        var settings = SupportLensSettings.Parse(With(null, null));
        Assert.Equal(HealthSettings.Default.SurveyWindowDays, settings.Health.SurveyWindowDays);
        Assert.Equal(HealthSettings.Default.Weights, settings.Health.Weights);
        Assert.Equal(RiskSettings.Default.Seed, settings.Risk.Seed);
    }

    [Fact]
    public void A_partial_section_changes_only_what_it_names()
    {
        var settings = SupportLensSettings.Parse(With(
            """{ "weights": { "nps": 0 }, "bands": { "green_from": 80 }, "ticket_window_days": 14, "curves": { "csat": [[-20, 0], [0, 100]] } }""",
            """{ "candidates": ["light_gbm", "fast_tree"], "at_risk_probability": 0.4, "classifier": { "trees": 50 } }"""));

        Assert.Equal(0, settings.Health.Weights[HealthComponent.Nps]);
        Assert.Equal(20, settings.Health.Weights[HealthComponent.Csat]);
        Assert.Equal(80, settings.Health.GreenFrom);
        Assert.Equal(50, settings.Health.RedUpTo);
        Assert.Equal(14, settings.Health.TicketWindowDays);
        Assert.Equal(90, settings.Health.SurveyWindowDays);
        Assert.Equal(50, settings.Health.Curves[HealthComponent.Csat].Evaluate(-10));
        Assert.Equal(HealthSettings.Default.Curves[HealthComponent.Sla], settings.Health.Curves[HealthComponent.Sla]);
        Assert.Equal([ClassifierKind.LightGbm, ClassifierKind.FastTree], settings.Risk.Candidates.ToArray());
        Assert.Equal(0.4, settings.Risk.AtRiskProbability);
        Assert.Equal(50, settings.Risk.Classifier.Trees);
        Assert.Equal(RiskSettings.Default.Classifier.Leaves, settings.Risk.Classifier.Leaves);
        Assert.Equal(90, settings.Risk.HorizonDays);
    }

    [Theory]
    [InlineData("""{ "weights": { "happiness": 5 } }""", "health.weights.happiness: unknown component; components are csat, nps, sla, fcr, escalations, reopens, incidents, volume_spikes, renewal_proximity")]
    [InlineData("""{ "weights": { "csat": -1 } }""", "health.weights.csat: must be 0 or more")]
    [InlineData("""{ "curves": { "sla": [[0, 100], [-10, 50]] } }""", "health.curves.sla[1]: figures must increase from one point to the next")]
    [InlineData("""{ "curves": { "sla": [[0, 100, 3]] } }""", "health.curves.sla[0]: a point is [figure, score]")]
    [InlineData("""{ "bands": { "green_from": 40 } }""", "health.bands: need 0 <= red_up_to < amber < green_from <= 100 (got red_up_to 50, green_from 40)")]
    [InlineData("""{ "survey_window_days": 0 }""", "health.survey_window_days: must be 1 or more")]
    [InlineData("""{ "minimum_coverage": 1.5 }""", "health.minimum_coverage: between 0 and 1")]
    public void A_broken_health_section_names_the_key(string health, string problem) =>
        Assert.Contains(problem, Problems(With(health, null)));

    [Theory]
    [InlineData("""{ "candidates": ["xgboost"] }""", "risk.candidates[0]: unknown classifier \"xgboost\"; classifiers are logistic_regression, light_gbm, fast_tree")]
    [InlineData("""{ "candidates": [] }""", "risk.candidates: one or more distinct classifiers")]
    [InlineData("""{ "at_risk_probability": 0 }""", "risk.at_risk_probability: above 0 and at most 1")]
    [InlineData("""{ "minimum_churn_events": 1 }""", "risk.minimum_churn_events: must be 2 or more")]
    [InlineData("""{ "classifier": { "leaves": 1 } }""", "risk.classifier.leaves: must be 2 or more")]
    public void A_broken_risk_section_names_the_key(string risk, string problem) =>
        Assert.Contains(problem, Problems(With(null, risk)));

    [Fact]
    public void An_unknown_key_in_a_section_is_refused_by_name()
    {
        var problems = Problems(With("""{ "window_days": 30 }""", null));
        Assert.Contains(problems, p => p.StartsWith("health.window_days: unknown key", StringComparison.Ordinal));
    }
}
