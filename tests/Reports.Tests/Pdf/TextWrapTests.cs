using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SupportLens.Reports.Pdf;
using SupportLens.Reports.Pdf.Layout;

namespace SupportLens.Reports.Tests.Pdf;

public sealed class TextWrapTests
{
    private static readonly ReportTheme Theme = ReportTheme.Default;

    [Fact]
    public void Lines_break_at_spaces_by_measured_width()
    {
        using var context = new RenderContext(Theme);
        var text = "First response within the SLA for every enterprise ticket this month";
        var width = context.Measure("First response within the", Theme.Body) + 1;

        var lines = context.Wrap(text, Theme.Body, width);

        Assert.Equal("First response within the", lines[0]);
        Assert.All(lines, l => Assert.True(context.Measure(l, Theme.Body) <= width));
        Assert.Equal(text, string.Join(' ', lines));
    }

    [Fact]
    public void A_word_wider_than_the_line_is_broken_inside_and_line_breaks_are_kept()
    {
        using var context = new RenderContext(Theme);

        var lines = context.Wrap("Client\nInternationalBusinessMachinesHoldings", Theme.Body, 60);

        Assert.Equal("Client", lines[0]);
        Assert.True(lines.Count >= 3);
        Assert.Equal("InternationalBusinessMachinesHoldings", string.Concat(lines.Skip(1)));
        Assert.All(lines, l => Assert.True(context.Measure(l, Theme.Body) <= 60));
    }

    [Fact]
    public void Ellipsize_shortens_only_what_is_too_wide()
    {
        using var context = new RenderContext(Theme);

        Assert.Equal("Short", context.Ellipsize("Short", Theme.Body, 200));
        var cut = context.Ellipsize("A rather long report title that does not fit", Theme.Body, 80);
        Assert.EndsWith("…", cut);
        Assert.True(context.Measure(cut, Theme.Body) <= 80);
    }

    [Property(MaxTest = 150, Replay = "20261201,77")]
    public Property Wrapped_lines_fit_and_keep_every_character() => Prop.ForAll(
        Arb.From(
            from count in Gen.Choose(0, 60)
            from words in Gen.ListOf(Gen.Elements("SLA", "ticket", "a", "enterprise-tier", "resolution", "95.0 %", "–", "Überweisung", "x"), count)
            from width in Gen.Choose(40, 500)
            select (Text: string.Join(' ', words), Width: width)),
        c =>
        {
            using var context = new RenderContext(Theme);
            var lines = context.Wrap(c.Text, Theme.Body, c.Width);
            Assert.All(lines, l => Assert.True(context.Measure(l, Theme.Body) <= c.Width, $"'{l}' is wider than {c.Width}"));
            // Nothing lost or reordered (a word wider than the line is the only one broken inside).
            Assert.Equal(c.Text.Replace(" ", ""), string.Concat(lines).Replace(" ", ""));
        });
}
