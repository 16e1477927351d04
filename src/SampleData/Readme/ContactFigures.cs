using SupportLens.SampleData.Contacts;

namespace SupportLens.SampleData.Readme;

/// <summary>Interval volume rolled up the way a contact-centre report does: averages weighted by handled contacts.</summary>
internal sealed record ContactFigures(long Offered, long Handled, long Abandoned, long AnsweredInThreshold, double HandleSeconds, double WaitSeconds)
{
    internal double? AbandonedShare => Offered == 0 ? null : (double)Abandoned / Offered;

    internal double? ServiceLevel => Offered == 0 ? null : (double)AnsweredInThreshold / Offered;

    internal double? AvgHandleSeconds => Handled == 0 ? null : HandleSeconds / Handled;

    internal double? AvgWaitSeconds => Handled == 0 ? null : WaitSeconds / Handled;

    internal static ContactFigures Of(IEnumerable<IntervalVolume> intervals)
    {
        long offered = 0, handled = 0, abandoned = 0, answered = 0;
        double handle = 0, wait = 0;
        foreach (var v in intervals)
        {
            offered += v.Offered;
            handled += v.Handled;
            abandoned += v.Abandoned;
            answered += v.AnsweredInThreshold;
            handle += (v.AvgHandleSeconds ?? 0) * v.Handled;
            wait += (v.AvgWaitSeconds ?? 0) * v.Handled;
        }
        return new ContactFigures(offered, handled, abandoned, answered, handle, wait);
    }
}
