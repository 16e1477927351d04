namespace SupportLens.Analytics.Incidents;

public enum IncidentTargetStatus
{
    /// <summary>Not done yet and the target has not passed.</summary>
    Open,

    /// <summary>Done within the target.</summary>
    Met,

    /// <summary>Done late, or not done and the target has passed.</summary>
    Missed,

    /// <summary>The severity promises nothing for this step.</summary>
    NotApplicable,
}
