using SupportLens.Analytics.Configuration;
using NodaTime;
using SupportLens.Analytics.Incidents;
using static SupportLens.Analytics.Tests.Sla.TestTime;

namespace SupportLens.Analytics.Tests.Incidents;

public class IncidentEvaluatorTests
{
    private static readonly IncidentEvaluator Evaluator = new(SupportLensSettings.Default.Targets.Incidents);
    private static readonly Instant Start = Utc("2026-03-08T06:30:00Z"); // a DST Sunday: incidents run on the wall clock anyway

    [Fact]
    public void Severity_1_met_missed_and_open()
    {
        // Sev 1: ack 15 min (06:45Z), client update 45 min (07:15Z), resolution 4 h (10:30Z).
        var incident = new Incident(1, Start, AcknowledgedAt: Start + Duration.FromMinutes(10), FirstUpdateAt: Start + Duration.FromMinutes(50));
        var result = Evaluator.Evaluate(incident, Start + Duration.FromHours(2));

        Assert.Equal(IncidentTargetStatus.Met, result.InitialResponse.Status);
        Assert.Equal(Duration.FromMinutes(10), result.InitialResponse.Took);
        Assert.Equal(IncidentTargetStatus.Missed, result.ClientCommunication.Status);
        Assert.Equal(Utc("2026-03-08T07:15:00Z"), result.ClientCommunication.Deadline);
        Assert.Equal(IncidentTargetStatus.Open, result.Resolution.Status);
        Assert.Equal(Utc("2026-03-08T10:30:00Z"), result.Resolution.Deadline);
    }

    [Fact]
    public void Not_acknowledged_past_the_target_is_missed()
    {
        var result = Evaluator.Evaluate(new Incident(2, Start), Start + Duration.FromMinutes(61));
        Assert.Equal(IncidentTargetStatus.Missed, result.InitialResponse.Status);
        Assert.Equal(IncidentTargetStatus.Open, result.ClientCommunication.Status);  // 4 h
    }

    [Fact]
    public void Severity_4_promises_no_client_communication_and_a_week_to_resolve()
    {
        var incident = new Incident(4, Start, ResolvedAt: Start + Duration.FromDays(7));
        var result = Evaluator.Evaluate(incident, Start + Duration.FromDays(8));

        Assert.Equal(IncidentTargetStatus.NotApplicable, result.ClientCommunication.Status);
        Assert.Null(result.ClientCommunication.Deadline);
        Assert.Equal(IncidentTargetStatus.Met, result.Resolution.Status);   // exactly on the deadline counts
        Assert.Equal(IncidentTargetStatus.Missed, result.InitialResponse.Status);
    }

    [Fact]
    public void Unknown_severity_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.Evaluate(new Incident(5, Start), Start));
    }
}
