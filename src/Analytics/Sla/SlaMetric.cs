namespace SupportLens.Analytics.Sla;

public enum SlaMetric
{
    FirstResponse,
    Resolution,
}
