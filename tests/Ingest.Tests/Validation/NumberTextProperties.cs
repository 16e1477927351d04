using System.Globalization;
using FsCheck.Xunit;
using SupportLens.Ingest.Validation;

namespace SupportLens.Ingest.Tests.Validation;

/// <summary>Amounts with cents as US, German, French and Swiss spreadsheets write them all read back as the amount. Seeded: reproducible.</summary>
[Properties(MaxTest = 500, Replay = "20261130,4711")]
public class NumberTextProperties
{
    [Property]
    public void Cents_in_any_locale_read_back(long cents)
    {
        var amount = cents % 100_000_000_000L / 100m;
        // The separators of en-US, de-DE, fr-FR and de-CH (the process runs without culture data, so they are spelled out).
        foreach (var (group, point) in new[] { (",", "."), (".", ","), ("\u202F", ","), ("'", ".") })
        {
            var format = (NumberFormatInfo)CultureInfo.InvariantCulture.NumberFormat.Clone();
            format.NumberGroupSeparator = group;
            format.NumberDecimalSeparator = point;
            var text = amount.ToString("N2", format);
            Assert.Equal(amount, NumberText.Read(text, whole: false, out var problem));
            Assert.Null(problem);
        }
    }

    [Property]
    public void Plain_invariant_numbers_read_back(decimal value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture);
        Assert.Equal(value, NumberText.Read(text, whole: false, out _));
    }
}
