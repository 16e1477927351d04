namespace SupportLens.Analytics.Sla;

public enum SlaStatus
{
    /// <summary>The event has not happened and the deadline has not passed.</summary>
    Active,

    /// <summary>The event happened at or before the deadline.</summary>
    Achieved,

    /// <summary>The deadline passed before the event (or without it, so far).</summary>
    Breached,
}
