namespace SupportLens.Analytics.Sla;

/// <summary>The support plan's tiers (DESIGN.md §3: tier of a client).</summary>
public enum SupportTier
{
    Starter,
    Professional,
    Business,
    Enterprise,
}
