namespace SupportLens.Analytics.Health;

/// <summary>The traffic light a success manager reads first (defaults: green ≥ 76, amber 51–75, red ≤ 50).</summary>
public enum HealthBand
{
    Green,
    Amber,
    Red,
}
